package dev.novaboot.service.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.testsupport.AuthTestSupport;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keystone's v3 admin API for projects, users and role assignments, in Keystone's shapes
 * and status codes.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class IdentityAdminApiTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	TestRestTemplate admin;

	@BeforeEach
	void admin() {
		this.admin = AuthTestSupport.asAdmin(this.http);
	}

	@Test
	@SuppressWarnings("unchecked")
	void createProjectUserAndGrantARoleThenTheUserLogsIn() {
		String name = "admin-api-" + UUID.randomUUID().toString().substring(0, 8);
		ResponseEntity<Map<String, Object>> project = post("/identity/v3/projects",
				"{\"project\": {\"name\": \"" + name + "\", \"description\": \"d\"}}");
		assertThat(project.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> created = (Map<String, Object>) project.getBody().get("project");
		assertThat(created).containsEntry("name", name)
			.containsEntry("domain_id", "default")
			.containsEntry("enabled", true)
			.containsEntry("description", "d");
		String projectId = (String) created.get("id");
		assertThat(projectId).matches("[0-9a-f]{32}");

		ResponseEntity<Map<String, Object>> user = post("/identity/v3/users", "{\"user\": {\"name\": \"" + name
				+ "\", \"password\": \"pw-" + name + "\", \"default_project_id\": \"" + projectId + "\"}}");
		assertThat(user.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> createdUser = (Map<String, Object>) user.getBody().get("user");
		assertThat(createdUser).containsEntry("name", name)
			.containsEntry("default_project_id", projectId)
			.doesNotContainKey("password");
		String userId = (String) createdUser.get("id");

		List<Map<String, Object>> readers = (List<Map<String, Object>>) get("/identity/v3/roles?name=reader")
			.getBody()
			.get("roles");
		String readerId = (String) readers.get(0).get("id");
		assertThat(get("/identity/v3/roles/" + readerId).getBody().get("role")).isEqualTo(readers.get(0));
		String grant = "/identity/v3/projects/" + projectId + "/users/" + userId + "/roles/" + readerId;
		assertThat(this.admin.exchange(grant, HttpMethod.PUT, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat((List<Map<String, Object>>) get("/identity/v3/projects/" + projectId + "/users/" + userId + "/roles")
			.getBody()
			.get("roles")).extracting((role) -> role.get("name")).containsExactly("reader");

		assertThat((List<Map<String, Object>>) get("/identity/v3/role_assignments?scope.project.id=" + projectId
				+ "&user.id=" + userId + "&include_names").getBody().get("role_assignments"))
			.singleElement()
			.satisfies((assignment) -> {
				assertThat((Map<String, Object>) assignment.get("role")).containsEntry("name", "reader");
				assertThat((Map<String, Object>) assignment.get("user")).containsEntry("id", userId);
				assertThat((Map<String, Object>) ((Map<String, Object>) assignment.get("scope")).get("project"))
					.containsEntry("id", projectId)
					.containsEntry("name", name);
			});
		assertThat(AuthTestSupport.token(this.http, name, "pw-" + name, name)).isNotBlank();
		assertThat((List<Map<String, Object>>) get("/identity/v3/projects?name=" + name).getBody().get("projects"))
			.singleElement()
			.satisfies((found) -> assertThat(found).containsEntry("id", projectId));
		assertThat((List<Map<String, Object>>) get("/identity/v3/users?name=" + name).getBody().get("users"))
			.singleElement()
			.satisfies((found) -> assertThat(found).containsEntry("id", userId));

		assertThat(this.admin.exchange(grant, HttpMethod.DELETE, null, Void.class).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<Map<String, Object>> noRole = this.http.exchange("/identity/v3/auth/tokens", HttpMethod.POST,
				AuthTestSupport.json(AuthTestSupport.passwordAuth(name, "pw-" + name, name), null), JSON);
		assertThat(noRole.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	@SuppressWarnings("unchecked")
	void duplicatesAre409UnknownIdsAre404BadBodiesAre400() {
		String name = "admin-api-dup-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(post("/identity/v3/projects", "{\"project\": {\"name\": \"" + name + "\"}}").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map<String, Object>> duplicate = post("/identity/v3/projects",
				"{\"project\": {\"name\": \"" + name + "\"}}");
		assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((Map<String, Object>) duplicate.getBody().get("error")).containsEntry("code", 409)
			.containsEntry("title", "Conflict");

		assertThat(post("/identity/v3/projects", "{\"project\": {}}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post("/identity/v3/projects", "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post("/identity/v3/users", "{\"user\": {\"name\": \"" + name + "\"}}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post("/identity/v3/users",
				"{\"user\": {\"name\": \"" + name + "\", \"password\": \"x\", \"domain_id\": \"nope\"}}")
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map<String, Object>> unknown = get("/identity/v3/projects/no-such-project");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((Map<String, Object>) unknown.getBody().get("error")).containsEntry("message",
				"Could not find project: no-such-project.");
		assertThat(this.admin.exchange("/identity/v3/projects/x/users/y/roles/z", HttpMethod.PUT, null, JSON)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		return this.admin.exchange(path, HttpMethod.GET, null, JSON);
	}

	private ResponseEntity<Map<String, Object>> post(String path, String body) {
		return this.admin.exchange(path, HttpMethod.POST, AuthTestSupport.json(body, null), JSON);
	}

}
