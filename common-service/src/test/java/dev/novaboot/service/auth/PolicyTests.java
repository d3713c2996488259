package dev.novaboot.service.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.AuthTestSupport.ProjectUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role against each kind of endpoint: open, admin-only, project resources (read and
 * change), and the request context and request id that the APIs receive.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	String admin;

	String member;

	String reader;

	String otherMember;

	ProjectUser memberIds;

	ProjectUser otherIds;

	@BeforeAll
	void users() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.memberIds = AuthTestSupport.createUser(this.http, "member-" + suffix, "secret-m", "member",
				"policy-a-" + suffix);
		AuthTestSupport.createUser(this.http, "reader-" + suffix, "secret-r", "reader", "policy-a-" + suffix);
		this.otherIds = AuthTestSupport.createUser(this.http, "other-" + suffix, "secret-o", "member",
				"policy-b-" + suffix);
		this.admin = AuthTestSupport.adminToken(this.http);
		this.member = AuthTestSupport.token(this.http, "member-" + suffix, "secret-m", "policy-a-" + suffix);
		this.reader = AuthTestSupport.token(this.http, "reader-" + suffix, "secret-r", "policy-a-" + suffix);
		this.otherMember = AuthTestSupport.token(this.http, "other-" + suffix, "secret-o", "policy-b-" + suffix);
	}

	@Test
	void openEndpointsNeedNoToken() {
		assertThat(call(null, HttpMethod.GET, "/actuator/health").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(null, HttpMethod.GET, "/actuator/health/liveness").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(null, HttpMethod.GET, "/actuator/health/readiness").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(null, HttpMethod.GET, "/identity/v3").getStatusCode()).isEqualTo(HttpStatus.OK);
		// the RPC endpoint authenticates its own messages: refused by its signature check, not
		// by the token layer (which would ask for a Keystone token); a path it does not serve
		// is simply not there
		ResponseEntity<Map<String, Object>> rpc = call(null, HttpMethod.POST, "/rpc/v1/call");
		assertThat(rpc.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(String.valueOf(rpc.getHeaders().getFirst("WWW-Authenticate"))).doesNotStartWith("Keystone");
		assertThat(call(null, HttpMethod.POST, "/rpc/sample").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthDetailsAreForAdminsOnly() {
		assertThat(call(null, HttpMethod.GET, "/actuator/health").getBody()).containsEntry("status", "UP")
			.doesNotContainKey("components");
		assertThat(call(this.member, HttpMethod.GET, "/actuator/health").getBody()).doesNotContainKey("components");
		assertThat((Map<String, Object>) call(this.admin, HttpMethod.GET, "/actuator/health").getBody()
			.get("components")).containsKeys("db", "serviceState", "driver");
		assertThat(call(null, HttpMethod.GET, "/actuator/health/readiness").getBody())
			.doesNotContainKey("components");
	}

	@Test
	void everythingElseNeedsAToken() {
		for (String path : List.of("/v2.1/os-services", "/v2.1/samples", "/actuator/info", "/identity/v3/users",
				"/v2.1/whoami", "/actuator/health/db")) {
			ResponseEntity<Map<String, Object>> response = call(null, HttpMethod.GET, path);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getFirst("WWW-Authenticate")).as(path).startsWith("Keystone uri=");
		}
		assertThat(call(null, HttpMethod.POST, "/v2.1/samples", "{\"sample\": {\"name\": \"x\"}}").getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void adminOnlyEndpointsRefuseMembersAndReaders() {
		List<String[]> adminOnly = List.of(new String[] { "GET", "/v2.1/os-services" },
				new String[] { "PUT", "/v2.1/os-services/no-such-id" },
				new String[] { "GET", "/v3/" + "any-project" + "/os-services" },
				new String[] { "GET", "/v2.1/os-hypervisors" }, new String[] { "GET", "/actuator/info" },
				new String[] { "GET", "/actuator/scheduledtasks" }, new String[] { "GET", "/identity/v3/users" },
				new String[] { "GET", "/identity/v3/projects" },
				new String[] { "POST", "/identity/v3/projects" });
		for (String[] call : adminOnly) {
			for (String token : List.of(this.member, this.reader)) {
				ResponseEntity<Map<String, Object>> response = call(token, HttpMethod.valueOf(call[0]), call[1], "{}");
				assertThat(response.getStatusCode()).as(call[0] + " " + call[1]).isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
		assertThat(call(this.member, HttpMethod.GET, "/v2.1/os-services").getBody()).containsKey("forbidden");
		assertThat(call(this.member, HttpMethod.GET, "/identity/v3/users").getBody()).containsKey("error");
		assertThat(call(this.admin, HttpMethod.GET, "/v2.1/os-services").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(this.admin, HttpMethod.GET, "/actuator/info").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(this.admin, HttpMethod.GET, "/identity/v3/users").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(this.admin, HttpMethod.PUT, "/v2.1/os-services/no-such-id", "{\"status\": \"disabled\"}")
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	@SuppressWarnings("unchecked")
	void readersReadButChangeNothingMembersAndAdminsChange() {
		ResponseEntity<Map<String, Object>> refused = call(this.reader, HttpMethod.POST, "/v2.1/samples",
				"{\"sample\": {\"name\": \"by-reader\"}}");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((Map<String, Object>) refused.getBody().get("forbidden")).containsEntry("code", 403)
			.hasEntrySatisfying("message",
					(message) -> assertThat((String) message).contains("needs the member or admin role"));

		assertThat(call(this.member, HttpMethod.POST, "/v2.1/samples", "{\"sample\": {\"name\": \"by-member\"}}")
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(call(this.admin, HttpMethod.POST, "/v2.1/samples", "{\"sample\": {\"name\": \"by-admin\"}}")
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(names(call(this.reader, HttpMethod.GET, "/v2.1/samples"))).contains("by-member")
			.doesNotContain("by-reader");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anotherProjectsResourceIsNotFoundButAdminsSeeIt() {
		Map<String, Object> created = (Map<String, Object>) call(this.member, HttpMethod.POST, "/v2.1/samples",
				"{\"sample\": {\"name\": \"isolated\"}}")
			.getBody()
			.get("sample");
		String path = "/v2.1/samples/" + created.get("id");
		assertThat(created).containsEntry("projectId", this.memberIds.projectId())
			.containsEntry("userId", this.memberIds.userId());

		assertThat(call(this.member, HttpMethod.GET, path).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(this.reader, HttpMethod.GET, path).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(call(this.otherMember, HttpMethod.GET, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(names(call(this.otherMember, HttpMethod.GET, "/v2.1/samples"))).doesNotContain("isolated");
		assertThat(call(this.admin, HttpMethod.GET, path).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theApiGetsTheCallersContextAndTheRequestId() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Auth-Token", this.member);
		String requestId = "req-" + UUID.randomUUID();
		headers.set("X-OpenStack-Request-ID", requestId);
		ResponseEntity<Map<String, Object>> response = this.http.exchange("/v2.1/whoami", HttpMethod.GET,
				new HttpEntity<>(headers), JSON);
		assertThat(response.getHeaders().getFirst("X-OpenStack-Request-ID")).isEqualTo(requestId);
		assertThat(response.getBody()).containsEntry("requestId", requestId)
			.containsEntry("userId", this.memberIds.userId())
			.containsEntry("projectId", this.memberIds.projectId())
			.containsEntry("roles", List.of("member"));

		headers.set("X-OpenStack-Request-ID", "req-not-a-uuid forged; log=line");
		ResponseEntity<Map<String, Object>> replaced = this.http.exchange("/v2.1/whoami", HttpMethod.GET,
				new HttpEntity<>(headers), JSON);
		String generated = replaced.getHeaders().getFirst("X-OpenStack-Request-ID");
		assertThat(generated).matches("req-[0-9a-f-]{36}");
		assertThat(replaced.getBody()).containsEntry("requestId", generated);
	}

	@SuppressWarnings("unchecked")
	private static List<Object> names(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return ((List<Map<String, Object>>) response.getBody().get("samples")).stream()
			.map((sample) -> sample.get("name"))
			.toList();
	}

	private ResponseEntity<Map<String, Object>> call(String token, HttpMethod method, String path) {
		return call(token, method, path, null);
	}

	private ResponseEntity<Map<String, Object>> call(String token, HttpMethod method, String path, String body) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.set("X-Auth-Token", token);
		}
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
	}

}
