package dev.novaboot.service.auth;

import java.util.Map;
import java.util.UUID;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.testsupport.AuthTestSupport;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account lockout as a client sees it (the suite's defaults: 10 wrong passwords
 * lock for 5 minutes): a locked user's right password gets exactly the 401 of a wrong
 * one, and an administrator unlocks with Keystone's
 * {@code PATCH /identity/v3/users/{id}} {@code {"user": {"enabled": true}}}.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class LockoutApiTests {

	private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> ONE = new ParameterizedTypeReference<>() {
	};

	private static final String PROJECT = "lockout-project";

	@Autowired
	TestRestTemplate http;

	@Autowired
	AuthProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	String user;

	String userId;

	@BeforeEach
	void user() {
		this.user = "lockout-api-" + UUID.randomUUID();
		this.userId = AuthTestSupport.createUser(this.http, this.user, "right-password", "member", PROJECT).userId();
	}

	@Test
	void aLockedUsersRightPasswordGetsExactlyThe401OfAWrongOne() {
		ResponseEntity<Map<String, Map<String, Object>>> wrong = null;
		for (int i = 0; i < this.properties.lockoutFailureAttempts(); i++) {
			wrong = login("wrong-password");
			assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		// counted although every one of those requests failed
		assertThat(this.jdbc.queryForObject("SELECT failed_auth_count FROM identity_users WHERE id = ?",
				Integer.class, this.userId)).isEqualTo(this.properties.lockoutFailureAttempts());

		ResponseEntity<Map<String, Map<String, Object>>> locked = login("right-password");

		assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(locked.getBody()).isEqualTo(wrong.getBody());
		assertThat(locked.getBody().get("error")).containsEntry("message",
				"The request you have made requires authentication.");
		assertThat(locked.getHeaders().getFirst("WWW-Authenticate"))
			.isEqualTo(wrong.getHeaders().getFirst("WWW-Authenticate"));
		assertThat(locked.getHeaders().getFirst("X-Subject-Token")).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAdministratorUnlocksByPatchingTheUserEnabled() {
		lock();

		ResponseEntity<Map<String, Map<String, Object>>> patched = patch(AuthTestSupport.asAdmin(this.http),
				this.userId, "{\"user\": {\"enabled\": true}}");

		assertThat(patched.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(patched.getBody().get("user")).containsEntry("id", this.userId)
			.containsEntry("name", this.user)
			.containsEntry("enabled", true)
			.doesNotContainKey("password");
		assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void aSuccessfulLoginForgetsTheWrongPasswordsBeforeIt() {
		for (int i = 0; i < this.properties.lockoutFailureAttempts() - 1; i++) {
			login("wrong-password");
		}
		assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		login("wrong-password");

		assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void patchingEnabledFalseDisablesTheUserAndTrueEnablesItAgain() {
		TestRestTemplate admin = AuthTestSupport.asAdmin(this.http);

		assertThat(patch(admin, this.userId, "{\"user\": {\"enabled\": false}}").getBody().get("user"))
			.containsEntry("enabled", false);
		assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(admin.getForObject("/identity/v3/users/" + this.userId, Map.class).get("user"))
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("enabled", false);

		patch(admin, this.userId, "{\"user\": {\"enabled\": true, \"id\": \"" + this.userId + "\"}}");
		assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void onlyAnAdministratorMayPatchAUser() {
		String memberToken = AuthTestSupport.token(this.http, this.user, "right-password", PROJECT);

		assertThat(patch(AuthTestSupport.withToken(this.http, memberToken), this.userId,
				"{\"user\": {\"enabled\": true}}")
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(patch(this.http, this.userId, "{\"user\": {\"enabled\": true}}").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aPatchOfWhatCannotBeChangedIs400AndOfAnUnknownUser404() {
		TestRestTemplate admin = AuthTestSupport.asAdmin(this.http);

		assertThat(patch(admin, this.userId, "{\"user\": {\"name\": \"renamed\"}}").getBody().get("error"))
			.containsEntry("code", 400)
			.containsEntry("message", "Only enabled can be changed here, not name.");
		assertThat(patch(admin, this.userId, "{\"user\": {\"enabled\": \"yes\"}}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(patch(admin, this.userId, "{\"user\": {}}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(patch(admin, this.userId, "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(patch(admin, this.userId, "{\"user\": {\"id\": \"another\", \"enabled\": true}}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(patch(admin, "no-such-user", "{\"user\": {\"enabled\": true}}").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(admin.getForObject("/identity/v3/users/" + this.userId, Map.class).get("user"))
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("name", this.user);
	}

	private void lock() {
		for (int i = 0; i < this.properties.lockoutFailureAttempts(); i++) {
			login("wrong-password");
		}
		assertThat(login("right-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private ResponseEntity<Map<String, Map<String, Object>>> login(String password) {
		return this.http.exchange("/identity/v3/auth/tokens", HttpMethod.POST,
				AuthTestSupport.json(AuthTestSupport.passwordAuth(this.user, password, PROJECT), null), ONE);
	}

	private static ResponseEntity<Map<String, Map<String, Object>>> patch(TestRestTemplate client, String userId,
			String body) {
		return client.exchange("/identity/v3/users/" + userId, HttpMethod.PATCH, AuthTestSupport.json(body, null), ONE);
	}

}
