package dev.novaboot.service.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.AuthTestSupport.ProjectUser;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keystone v3 password flow: {@code POST /identity/v3/auth/tokens} and its body and
 * catalog, validation with {@code X-Subject-Token}, and every way a login is refused.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenApiTests {

	private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> ONE = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	String member;

	ProjectUser memberIds;

	@BeforeAll
	void member() {
		this.member = "tokens-member-" + UUID.randomUUID();
		this.memberIds = AuthTestSupport.createUser(this.http, this.member, "member-secret", "member",
				"tokens-project");
	}

	@Test
	void versionDocumentIsOpen() {
		ResponseEntity<Map<String, Map<String, Object>>> response = this.http.exchange("/identity/v3", HttpMethod.GET,
				null, ONE);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody().get("version")).containsEntry("status", "stable").containsKey("media-types");
	}

	@Test
	@SuppressWarnings("unchecked")
	void passwordLoginAnswers201WithTheTokenInTheHeaderAndKeystonesBody() {
		ResponseEntity<Map<String, Map<String, Object>>> response = login(
				AuthTestSupport.passwordAuth(this.member, "member-secret", "tokens-project"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getHeaders().getFirst("X-Subject-Token")).isNotBlank();
		Map<String, Object> token = response.getBody().get("token");
		assertThat(token.get("methods")).isEqualTo(List.of("password"));
		assertThat((Map<String, Object>) token.get("user")).containsEntry("name", this.member)
			.containsEntry("id", this.memberIds.userId())
			.containsEntry("domain", Map.of("id", "default", "name", "Default"));
		assertThat((Map<String, Object>) token.get("project")).containsEntry("name", "tokens-project")
			.containsEntry("id", this.memberIds.projectId());
		assertThat((List<Map<String, Object>>) token.get("roles")).singleElement()
			.satisfies((role) -> assertThat(role).containsEntry("name", "member").containsKey("id"));
		Instant issued = Instant.parse((String) token.get("issued_at"));
		Instant expires = Instant.parse((String) token.get("expires_at"));
		assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofHours(1));
		assertThat(issued).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(30));
		assertThat((String) token.get("expires_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
		assertThat((List<String>) token.get("audit_ids")).hasSize(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void catalogListsTheUpServicesOfTheSuiteAndItself() {
		ServiceRows rows = new ServiceRows(this.repository, this.clock, this.jdbc);
		ServiceRecord compute = rows.service("catalog-compute", "nova-compute", "compute", Duration.ZERO);
		ServiceRecord volume = rows.service("catalog-volume", "nova-volume", "volume", Duration.ZERO);
		ServiceRecord network = rows.service("catalog-network", "nova-network", "network", Duration.ofMinutes(10));
		rows.set(compute, "rpc_endpoint", "http://catalog-compute:8774");
		rows.set(volume, "rpc_endpoint", "http://catalog-volume:8776");
		rows.set(network, "rpc_endpoint", "http://catalog-network:9696");
		try {
			Map<String, Object> token = login(
					AuthTestSupport.passwordAuth(this.member, "member-secret", "tokens-project"))
				.getBody()
				.get("token");
			Map<String, String> urls = new java.util.HashMap<>();
			for (Map<String, Object> service : (List<Map<String, Object>>) token.get("catalog")) {
				Map<String, Object> endpoint = ((List<Map<String, Object>>) service.get("endpoints")).get(0);
				assertThat(endpoint).containsEntry("interface", "public").containsEntry("region", "RegionOne");
				urls.put((String) service.get("type"), (String) endpoint.get("url"));
			}
			assertThat(urls).containsEntry("compute", "http://catalog-compute:8774/v2.1")
				.containsEntry("image", "http://catalog-compute:8774/image")
				.containsEntry("volumev3", "http://catalog-volume:8776/v3/" + this.memberIds.projectId())
				.containsEntry("identity", "http://localhost:" + this.port + "/identity/v3")
				// the network service is down: no endpoint to offer
				.doesNotContainKey("network");
		}
		finally {
			List.of(compute, volume, network).forEach((row) -> rows.set(row, "deleted", row.getId()));
		}
	}

	@Test
	void wrongPasswordUnknownUserAndDisabledLoginsAreTheSame401() {
		for (String body : List.of(AuthTestSupport.passwordAuth(this.member, "wrong", "tokens-project"),
				AuthTestSupport.passwordAuth("nobody-" + UUID.randomUUID(), "member-secret", "tokens-project"))) {
			ResponseEntity<Map<String, Map<String, Object>>> response = login(body);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getFirst("X-Subject-Token")).isNull();
			assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Keystone uri=");
			assertThat(response.getBody().get("error")).containsEntry("code", 401)
				.containsEntry("title", "Unauthorized")
				.containsEntry("message", "The request you have made requires authentication.");
		}
	}

	@Test
	void aProjectWhereTheUserHasNoRoleOrThatDoesNotExistIs401() {
		ResponseEntity<Map<String, Map<String, Object>>> otherProject = login(
				AuthTestSupport.passwordAuth(this.member, "member-secret", "admin"));
		assertThat(otherProject.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat((String) otherProject.getBody().get("error").get("message")).contains("has no access to project");
		assertThat(login(AuthTestSupport.passwordAuth(this.member, "member-secret", "no-such-project"))
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void malformedLoginsAre400() {
		assertThat(login("{\"auth\": {}}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(login("{\"auth\":").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map<String, Map<String, Object>>> noDomain = login(
				"{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"admin\", "
						+ "\"password\": \"x\"}}}}}");
		assertThat(noDomain.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noDomain.getBody().get("error")).containsEntry("message", "Expecting to find domain in user.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void validationShowsTheSubjectTokenToItsUserAndToAdmins() {
		String memberToken = AuthTestSupport.token(this.http, this.member, "member-secret", "tokens-project");
		String adminToken = AuthTestSupport.adminToken(this.http);

		ResponseEntity<Map<String, Map<String, Object>>> byAdmin = validate(adminToken, memberToken);
		assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(byAdmin.getHeaders().getFirst("X-Subject-Token")).isEqualTo(memberToken);
		assertThat((Map<String, Object>) byAdmin.getBody().get("token").get("user")).containsEntry("name",
				this.member);
		assertThat(validate(memberToken, memberToken).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(validate(memberToken, adminToken).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(validate(adminToken, memberToken + "x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(validate(null, memberToken).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private ResponseEntity<Map<String, Map<String, Object>>> login(String body) {
		return this.http.exchange("/identity/v3/auth/tokens", HttpMethod.POST, AuthTestSupport.json(body, null), ONE);
	}

	private ResponseEntity<Map<String, Map<String, Object>>> validate(String token, String subject) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.set("X-Auth-Token", token);
		}
		headers.set("X-Subject-Token", subject);
		return this.http.exchange("/identity/v3/auth/tokens", HttpMethod.GET, new HttpEntity<>(headers), ONE);
	}

}
