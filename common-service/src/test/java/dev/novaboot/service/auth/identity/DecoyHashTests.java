package dev.novaboot.service.auth.identity;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.novaboot.service.auth.identity.AuthRequest.Auth;
import dev.novaboot.service.auth.identity.AuthRequest.Identity;
import dev.novaboot.service.auth.identity.AuthRequest.Password;
import dev.novaboot.service.auth.identity.AuthRequest.UserRef;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * The decoy hash that a login for an unknown user is checked against, so that it takes as
 * long as a wrong password for a known one: made once, and not while the app starts.
 */
class DecoyHashTests {

	final AtomicInteger hashesMade = new AtomicInteger();

	final AtomicInteger passwordsChecked = new AtomicInteger();

	final PasswordAuthenticator authenticator = new PasswordAuthenticator(mock(DomainRepository.class),
			mock(UserRepository.class), mock(ProjectRepository.class), mock(RoleRepository.class), countingEncoder(),
			mock(LoginLockout.class));

	@Test
	void buildingTheAuthenticatorHashesNothing() {
		assertThat(this.hashesMade).hasValue(0);
	}

	@Test
	void preparingTheDecoyHashesItOnceForEveryLaterLogin() {
		this.authenticator.prepareDecoy();
		assertRefused("nobody");
		assertRefused("nobody-either");
		assertThat(this.hashesMade).hasValue(1);
	}

	@Test
	void anUnknownUsersPasswordIsCheckedAgainstTheDecoyEvenBeforeItWasPrepared() {
		assertRefused("nobody");
		assertThat(this.passwordsChecked).hasValue(1);
		assertThat(this.hashesMade).hasValue(1);
	}

	private void assertRefused(String userId) {
		AuthRequest request = new AuthRequest(new Auth(
				new Identity(List.of("password"), new Password(new UserRef(userId, null, "secret", null))), null));
		assertThatExceptionOfType(IdentityException.class).isThrownBy(() -> this.authenticator.authenticate(request))
			.withMessage(PasswordAuthenticator.REQUIRES_AUTHENTICATION);
	}

	private PasswordEncoder countingEncoder() {
		// the lowest strength: this test is about how often, not how slowly
		PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				DecoyHashTests.this.hashesMade.incrementAndGet();
				return bcrypt.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				DecoyHashTests.this.passwordsChecked.incrementAndGet();
				return bcrypt.matches(rawPassword, encodedPassword);
			}

		};
	}

}
