package dev.novaboot.service.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Logs tests in to an app of the suite through its Keystone-compatible identity API.
 * The test app needs, in its test {@code application.properties}:
 * <pre>
 * nova.auth.token-key=test-only-token-key-never-use-it-anywhere-else
 * nova.auth.bootstrap-password=test-admin-password
 * </pre>
 * Then {@code AuthTestSupport.asAdmin(http)} is a {@link TestRestTemplate} whose every
 * request carries an admin token, and {@link #createUser} makes a member or reader of a
 * project of its own for isolation tests.
 */
public final class AuthTestSupport {

	/** The bootstrap admin's password in the tests' properties. */
	public static final String ADMIN_PASSWORD = "test-admin-password";

	private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> ONE = new ParameterizedTypeReference<>() {
	};

	private AuthTestSupport() {
	}

	/** A token of the bootstrap {@code admin} user, scoped to project {@code admin}. */
	public static String adminToken(TestRestTemplate http) {
		return token(http, "admin", ADMIN_PASSWORD, "admin");
	}

	/** A token for a user of the default domain, scoped to a project by name. */
	public static String token(TestRestTemplate http, String user, String password, String project) {
		ResponseEntity<Map<String, Map<String, Object>>> response = http.exchange("/identity/v3/auth/tokens",
				HttpMethod.POST, json(passwordAuth(user, password, project), null), ONE);
		if (response.getStatusCode() != HttpStatus.CREATED) {
			throw new IllegalStateException("Cannot log in as " + user + " to project " + project + ": "
					+ response.getStatusCode() + " " + response.getBody());
		}
		return response.getHeaders().getFirst("X-Subject-Token");
	}

	/** The body of a Keystone v3 password login scoped to a project of the default domain. */
	public static String passwordAuth(String user, String password, String project) {
		return """
				{"auth": {"identity": {"methods": ["password"],
				                       "password": {"user": {"name": "%s", "domain": {"name": "Default"},
				                                             "password": "%s"}}},
				          "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}
				""".formatted(user, password, project);
	}

	/** A client like {@code http} whose every request carries the admin's token. */
	public static TestRestTemplate asAdmin(TestRestTemplate http) {
		return withToken(http, adminToken(http));
	}

	/** A client like {@code http} whose every request carries {@code token}. */
	public static TestRestTemplate withToken(TestRestTemplate http, String token) {
		return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
			.messageConverters(http.getRestTemplate().getMessageConverters())
			.defaultHeader("X-Auth-Token", token));
	}

	/** A JSON request entity, with a token when one is given. */
	public static HttpEntity<String> json(String body, String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			headers.set("X-Auth-Token", token);
		}
		return new HttpEntity<>(body, headers);
	}

	/**
	 * Creates (as admin) a project of that name unless it exists, a user with the password
	 * and the role on it.
	 * @return the new user's and the project's ids
	 */
	@SuppressWarnings("unchecked")
	public static ProjectUser createUser(TestRestTemplate http, String user, String password, String role,
			String project) {
		TestRestTemplate admin = asAdmin(http);
		Map<String, Object> projects = admin.getForObject("/identity/v3/projects?name=" + project, Map.class);
		List<Map<String, Object>> found = (List<Map<String, Object>>) projects.get("projects");
		String projectId = found.isEmpty()
				? (String) created(admin.exchange("/identity/v3/projects", HttpMethod.POST,
						json("{\"project\": {\"name\": \"" + project + "\", \"domain_id\": \"default\"}}", null), ONE),
						"project")
				: (String) found.get(0).get("id");
		String userId = (String) created(admin.exchange("/identity/v3/users", HttpMethod.POST,
				json("{\"user\": {\"name\": \"" + user + "\", \"password\": \"" + password
						+ "\", \"domain_id\": \"default\", \"default_project_id\": \"" + projectId + "\"}}", null),
				ONE), "user");
		Map<String, Object> roles = admin.getForObject("/identity/v3/roles?name=" + role, Map.class);
		String roleId = (String) ((List<Map<String, Object>>) roles.get("roles")).get(0).get("id");
		ResponseEntity<Void> assigned = admin.exchange(
				"/identity/v3/projects/" + projectId + "/users/" + userId + "/roles/" + roleId, HttpMethod.PUT, null,
				Void.class);
		if (assigned.getStatusCode() != HttpStatus.NO_CONTENT) {
			throw new IllegalStateException("Cannot grant " + role + ": " + assigned.getStatusCode());
		}
		return new ProjectUser(userId, projectId);
	}

	private static Object created(ResponseEntity<Map<String, Map<String, Object>>> response, String kind) {
		if (response.getStatusCode() != HttpStatus.CREATED) {
			throw new IllegalStateException("Cannot create " + kind + ": " + response.getStatusCode() + " "
					+ response.getBody());
		}
		return response.getBody().get(kind).get("id");
	}

	/** A user and the project it has a role on. */
	public record ProjectUser(String userId, String projectId) {
	}

}
