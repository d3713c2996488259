package dev.novaboot.compute.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the Compute API as a user of one project would (noauth headers).
 */
class ComputeApiClient {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final TestRestTemplate http;

	private final String project;

	private final String roles;

	private final String version;

	ComputeApiClient(TestRestTemplate http, String project, String roles) {
		this(http, project, roles, null);
	}

	private ComputeApiClient(TestRestTemplate http, String project, String roles, String version) {
		this.http = http;
		this.project = project;
		this.roles = roles;
		this.version = version;
	}

	/** The same user asking for a microversion ({@code OpenStack-API-Version: compute <version>}); none means 2.1. */
	ComputeApiClient at(String version) {
		return new ComputeApiClient(this.http, this.project, this.roles, version);
	}

	/** An admin of the same project, at the same microversion. */
	ComputeApiClient asAdmin() {
		return new ComputeApiClient(this.http, this.project, "admin,member", this.version);
	}

	ResponseEntity<Map<String, Object>> send(HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Project-Id", this.project);
		headers.set("X-User-Id", "user-of-" + this.project);
		headers.set("X-Roles", this.roles);
		if (this.version != null) {
			headers.set("OpenStack-API-Version", "compute " + this.version);
		}
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
	}

	ResponseEntity<Map<String, Object>> get(String path) {
		return send(HttpMethod.GET, path, null);
	}

	ResponseEntity<Map<String, Object>> post(String path, Object body) {
		return send(HttpMethod.POST, path, body);
	}

	ResponseEntity<Map<String, Object>> put(String path, Object body) {
		return send(HttpMethod.PUT, path, body);
	}

	/** {@code POST /v2.1/servers/{id}/action} with {@code body}. */
	ResponseEntity<Map<String, Object>> action(String id, Object body) {
		return post("/v2.1/servers/" + id + "/action", body);
	}

	/** The server action is refused with {@code status} and a fault naming {@code message}. */
	void assertActionRefused(int status, String id, Object body, String message) {
		ResponseEntity<Map<String, Object>> response = action(id, body);
		assertThat(response.getStatusCode().value())
			.as("%s", response.getBody())
			.isEqualTo(status);
		assertThat(response.getBody().toString()).contains(message);
	}

	ResponseEntity<Map<String, Object>> delete(String path) {
		return send(HttpMethod.DELETE, path, null);
	}

	/** Boots a server and returns its id. */
	@SuppressWarnings("unchecked")
	String boot(String name, String flavorRef, String imageRef, Map<String, Object> extra) {
		Map<String, Object> server = new java.util.HashMap<>(Map.of("name", name, "flavorRef", flavorRef, "imageRef", imageRef));
		server.putAll(extra);
		ResponseEntity<Map<String, Object>> response = post("/v2.1/servers", Map.of("server", server));
		if (response.getStatusCode().value() != 202) {
			throw new AssertionError("Boot answered " + response.getStatusCode() + ": " + response.getBody());
		}
		return (String) ((Map<String, Object>) response.getBody().get("server")).get("id");
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> server(String id) {
		ResponseEntity<Map<String, Object>> response = get("/v2.1/servers/" + id);
		if (response.getStatusCode().value() != 200) {
			throw new AssertionError("Show answered " + response.getStatusCode() + ": " + response.getBody());
		}
		return (Map<String, Object>) response.getBody().get("server");
	}

	/** Polls the server until the condition holds; fails with its last state after {@code within}. */
	Map<String, Object> await(String id, Predicate<Map<String, Object>> condition, Duration within) {
		long deadline = System.nanoTime() + within.toNanos();
		Map<String, Object> server = server(id);
		while (!condition.test(server)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Server " + id + " did not reach the expected state: " + server);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			server = server(id);
		}
		return server;
	}

	Map<String, Object> awaitStatus(String id, String status) {
		return await(id, (server) -> status.equals(server.get("status")) && server.get("OS-EXT-STS:task_state") == null,
				Duration.ofSeconds(30));
	}

	/** Polls until the server is gone (404). */
	void awaitGone(String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (get("/v2.1/servers/" + id).getStatusCode().value() != 404) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Server " + id + " was not deleted: " + get("/v2.1/servers/" + id).getBody());
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	@SuppressWarnings("unchecked")
	static List<String> addresses(Map<String, Object> server) {
		Map<String, List<Map<String, Object>>> addresses = (Map<String, List<Map<String, Object>>>) server.get("addresses");
		return addresses.values().stream().flatMap(List::stream).map((address) -> (String) address.get("addr")).toList();
	}

}
