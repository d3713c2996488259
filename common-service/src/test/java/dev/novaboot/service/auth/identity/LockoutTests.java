package dev.novaboot.service.auth.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.novaboot.sample.SampleServiceApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keystone's account lockout on the password method, on H2: locked after the configured
 * number of wrong passwords, refused like any failure while locked, free again the
 * lockout duration after the last failure or when an administrator enables the user, a
 * success forgets earlier failures, and {@code 0} attempts turns it off. Time is a clock
 * the tests move; the lockout here is 3 attempts for 5 minutes.
 */
// the context of the identity API tests (TokenApiTests), so that it starts only once
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class LockoutTests extends FailedLoginCountingContract {

	static final int ATTEMPTS = 3;

	static final Duration DURATION = Duration.ofMinutes(5);

	@Autowired
	DomainRepository domains;

	@Autowired
	UserRepository users;

	@Autowired
	ProjectRepository projects;

	@Autowired
	RoleRepository roles;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PlatformTransactionManager transactionManager;

	final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));

	final AtomicInteger passwordChecks = new AtomicInteger();

	@Test
	void theConfiguredNumberOfWrongPasswordsLocksTheUserAndTheRightOneIsThenRefusedAlike() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = newUser();
		for (int i = 0; i < ATTEMPTS; i++) {
			assertRefused(authenticator, userId, "wrong");
		}
		assertThat(failedAuthCount(userId)).isEqualTo(ATTEMPTS);

		assertRefused(authenticator, userId, PASSWORD);
	}

	@Test
	void fewerWrongPasswordsThanTheLimitDoNotLock() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = newUser();
		for (int i = 0; i < ATTEMPTS - 1; i++) {
			assertRefused(authenticator, userId, "wrong");
		}

		assertAccepted(authenticator, userId, PASSWORD);
	}

	@Test
	void theLockEndsTheDurationAfterTheLastWrongPassword() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = lockedUser(authenticator);

		this.clock.move(DURATION.minusMillis(1));
		assertRefused(authenticator, userId, PASSWORD);
		this.clock.move(Duration.ofMillis(1));
		assertAccepted(authenticator, userId, PASSWORD);
	}

	@Test
	void anExpiredLockIsForgottenSoTheNextWrongPasswordCountsFromOne() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = lockedUser(authenticator);
		this.clock.move(DURATION);

		assertRefused(authenticator, userId, "wrong");
		assertThat(failedAuthCount(userId)).isOne();
		assertAccepted(authenticator, userId, PASSWORD);
	}

	@Test
	void attemptsWhileLockedNeitherCountNorExtendTheLock() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = lockedUser(authenticator);

		this.clock.move(DURATION.minusMinutes(1));
		assertRefused(authenticator, userId, "wrong");
		assertThat(failedAuthCount(userId)).isEqualTo(ATTEMPTS);
		this.clock.move(Duration.ofMinutes(1));
		assertAccepted(authenticator, userId, PASSWORD);
	}

	@Test
	void aSuccessForgetsTheWrongPasswordsBeforeIt() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = newUser();
		for (int i = 0; i < ATTEMPTS - 1; i++) {
			assertRefused(authenticator, userId, "wrong");
		}
		assertAccepted(authenticator, userId, PASSWORD);
		assertThat(failedAuthCount(userId)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT failed_auth_at FROM identity_users WHERE id = ?", Instant.class,
				userId)).isNull();

		for (int i = 0; i < ATTEMPTS - 1; i++) {
			assertRefused(authenticator, userId, "wrong");
		}
		assertAccepted(authenticator, userId, PASSWORD);
	}

	@Test
	void anAdministratorUnlocksBySettingTheUserEnabled() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = lockedUser(authenticator);

		this.administration.setUserEnabled(userId, true);

		assertThat(failedAuthCount(userId)).isZero();
		assertAccepted(authenticator, userId, PASSWORD);
	}

	@Test
	void aDisabledUserStaysRefusedWithTheRightPasswordAndItsWrongOnesCountAsKeystonesDo() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = newUser();
		this.administration.setUserEnabled(userId, false);

		assertRefused(authenticator, userId, PASSWORD);
		assertRefused(authenticator, userId, "wrong");
		assertThat(failedAuthCount(userId)).isOne();
	}

	@Test
	void zeroFailureAttemptsTurnsLockoutOff() {
		PasswordAuthenticator authenticator = authenticator(0);
		String userId = newUser();
		for (int i = 0; i < 2 * ATTEMPTS; i++) {
			assertRefused(authenticator, userId, "wrong");
		}

		assertThat(failedAuthCount(userId)).isZero();
		assertAccepted(authenticator, userId, PASSWORD);
	}

	@Test
	void anUnknownOrALockedUsersPasswordIsCheckedAllTheSameSoThatTimingTellsNothing() {
		PasswordAuthenticator authenticator = authenticator(ATTEMPTS);
		String userId = lockedUser(authenticator);

		this.passwordChecks.set(0);
		assertRefused(authenticator, "no-such-user-" + UUID.randomUUID(), PASSWORD);
		assertRefused(authenticator, userId, PASSWORD);
		assertThat(this.passwordChecks).hasValue(2);
	}

	@Test
	void byDefaultTenWrongPasswordsLockForFiveMinutes() {
		assertThat(this.properties.lockoutFailureAttempts()).isEqualTo(10);
		assertThat(this.properties.lockoutDuration()).isEqualTo(Duration.ofMinutes(5));
	}

	private String lockedUser(PasswordAuthenticator authenticator) {
		String userId = newUser();
		for (int i = 0; i < ATTEMPTS; i++) {
			assertRefused(authenticator, userId, "wrong");
		}
		return userId;
	}

	/**
	 * The password method with this test's clock and lockout; not a Spring proxy, so each
	 * of its database calls is a transaction of its own.
	 */
	private PasswordAuthenticator authenticator(int attempts) {
		LoginLockout lockout = new LoginLockout(this.users, new TransactionTemplate(this.transactionManager), attempts,
				DURATION, this.clock);
		return new PasswordAuthenticator(this.domains, this.users, this.projects, this.roles, countingChecks(),
				lockout);
	}

	private PasswordEncoder countingChecks() {
		PasswordEncoder encoder = this.passwordEncoder;
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return encoder.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				LockoutTests.this.passwordChecks.incrementAndGet();
				return encoder.matches(rawPassword, encodedPassword);
			}

		};
	}

	/** A clock that stands still until a test moves it. */
	static final class MovableClock extends Clock {

		private volatile Instant now;

		MovableClock(Instant start) {
			this.now = start;
		}

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("Always UTC");
		}

	}

}
