package dev.novaboot.service.auth.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import dev.novaboot.service.auth.AuthProperties;
import dev.novaboot.service.auth.identity.AuthRequest.Auth;
import dev.novaboot.service.auth.identity.AuthRequest.Identity;
import dev.novaboot.service.auth.identity.AuthRequest.Password;
import dev.novaboot.service.auth.identity.AuthRequest.UserRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the failed-login count guarantees on any database the suite runs on: wrong
 * passwords that come in at the same time, in the suite's real wiring, are each counted
 * (no lost increment), and the one that reaches the limit locks the user and says so
 * once. Each database's test class runs these; helpers for the lockout tests too.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class FailedLoginCountingContract {

	static final String PASSWORD = "the-right-password";

	@Autowired
	PasswordAuthenticator passwordAuthenticator;

	@Autowired
	IdentityAdministration administration;

	@Autowired
	AuthProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void wrongPasswordsAtTheSameTimeAreEachCountedAndTheOneThatLocksSaysSoOnce(CapturedOutput output)
			throws Exception {
		String userId = newUser();
		String wrong = "wrong-" + UUID.randomUUID();
		// as many as lock: each reads a count below the limit, so none is refused as locked
		// and the count must end exactly at the limit
		int attempts = this.properties.lockoutFailureAttempts();
		assertThat(attempts).isGreaterThan(1);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			List<Future<HttpStatus>> outcomes = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				outcomes.add(pool.submit(() -> {
					start.await();
					return refusal(() -> this.passwordAuthenticator.authenticate(login(userId, wrong)));
				}));
			}
			start.countDown();
			for (Future<HttpStatus> outcome : outcomes) {
				assertThat(outcome.get()).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(failedAuthCount(userId)).isEqualTo(attempts);
		assertRefused(this.passwordAuthenticator, userId, PASSWORD);
		assertThat(Pattern.compile("WARN.*User " + userId + " is locked out").matcher(output.getAll()).results().count())
			.isOne();
		assertThat(output.getAll()).doesNotContain(wrong);
	}

	String newUser() {
		return this.administration
			.createUser("lockout-" + UUID.randomUUID(), null, PASSWORD, null, true)
			.getId();
	}

	int failedAuthCount(String userId) {
		return this.jdbc.queryForObject("SELECT failed_auth_count FROM identity_users WHERE id = ?", Integer.class,
				userId);
	}

	/** Keystone's password login by user id, unscoped. */
	static AuthRequest login(String userId, String password) {
		return new AuthRequest(new Auth(
				new Identity(List.of("password"), new Password(new UserRef(userId, null, password, null))), null));
	}

	/** Refused with the 401 every failure to authenticate answers, saying no more. */
	static void assertRefused(PasswordAuthenticator authenticator, String userId, String password) {
		assertThatExceptionOfType(IdentityException.class)
			.isThrownBy(() -> authenticator.authenticate(login(userId, password)))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED))
			.withMessage(PasswordAuthenticator.REQUIRES_AUTHENTICATION);
	}

	static void assertAccepted(PasswordAuthenticator authenticator, String userId, String password) {
		assertThat(authenticator.authenticate(login(userId, password)).user().id()).isEqualTo(userId);
	}

	private static HttpStatus refusal(Runnable attempt) {
		try {
			attempt.run();
			return HttpStatus.CREATED;
		}
		catch (IdentityException ex) {
			return ex.getStatus();
		}
	}

}
