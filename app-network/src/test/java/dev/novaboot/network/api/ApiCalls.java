package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls of the Networking API as a project's member (or {@code admin}, as admin) with the
 * development headers, and the assertions on Neutron's answers the API tests share.
 */
final class ApiCalls {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final TestRestTemplate http;

	ApiCalls(TestRestTemplate http) {
		this.http = http;
	}

	/** A call as the project's member; the project {@code admin} calls as admin. */
	ResponseEntity<Map<String, Object>> call(String project, HttpMethod method, String path, String body) {
		return call(project, project.equals("admin") ? "admin" : "member", method, path, body);
	}

	ResponseEntity<Map<String, Object>> call(String project, String roles, HttpMethod method, String path,
			String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Project-Id", project);
		headers.set("X-User-Id", "user-" + project);
		headers.set("X-Roles", roles);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
	}

	ResponseEntity<Map<String, Object>> get(String project, String path) {
		return call(project, HttpMethod.GET, path, null);
	}

	/** Creates {@code {"resource": {...}}} in the collection and answers its view. */
	Map<String, Object> create(String project, String collection, String resource, String attributes) {
		return created(call(project, HttpMethod.POST, "/v2.0/" + collection,
				"{\"" + resource + "\": {" + attributes + "}}"), resource);
	}

	String network(String project, String attributes) {
		return (String) create(project, "networks", "network", attributes).get("id");
	}

	String subnet(String project, String networkId, String cidr) {
		return (String) create(project, "subnets", "subnet",
				"\"network_id\": \"" + networkId + "\", \"ip_version\": 4, \"cidr\": \"" + cidr + "\"").get("id");
	}

	/**
	 * A router of the project joining the subnet to the external network, as Neutron needs
	 * one before a floating IP of that network is associated with a port of the subnet.
	 */
	String router(String project, String externalNetworkId, String subnetId) {
		String router = (String) create(project, "routers", "router",
				"\"external_gateway_info\": {\"network_id\": \"" + externalNetworkId + "\"}").get("id");
		assertThat(call(project, HttpMethod.PUT, "/v2.0/routers/" + router + "/add_router_interface",
				"{\"subnet_id\": \"" + subnetId + "\"}").getStatusCode().value()).isEqualTo(200);
		return router;
	}

	/**
	 * Deletes a network (as admin) with its ports and subnets: the API tests share their
	 * context's database with the strategies' tests, for which every shared network is one
	 * more network an instance may be put on.
	 */
	void removeNetwork(String networkId) {
		for (Object port : ids("admin", "ports", "network_id=" + networkId)) {
			assertThat(call("admin", HttpMethod.DELETE, "/v2.0/ports/" + port, null).getStatusCode().value())
				.isEqualTo(204);
		}
		assertThat(call("admin", HttpMethod.DELETE, "/v2.0/networks/" + networkId, null).getStatusCode().value())
			.isEqualTo(204);
	}

	/** The ids of a list, as the project sees it. */
	List<Object> ids(String project, String collection, String query) {
		return list(get(project, "/v2.0/" + collection + ((query != null) ? "?" + query : "")),
				collection.replace('-', '_')).stream()
			.map((item) -> item.get("id"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> created(ResponseEntity<Map<String, Object>> response, String resource) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
		return (Map<String, Object>) response.getBody().get(resource);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> one(ResponseEntity<Map<String, Object>> response, String resource) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (Map<String, Object>) response.getBody().get(resource);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> list(ResponseEntity<Map<String, Object>> response, String collection) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (List<Map<String, Object>>) response.getBody().get(collection);
	}

	@SuppressWarnings("unchecked")
	static String message(ResponseEntity<Map<String, Object>> response) {
		return (String) ((Map<String, Object>) response.getBody().get("NeutronError")).get("message");
	}

	/** An error in Neutron's shape with the status and type. */
	@SuppressWarnings("unchecked")
	static void assertError(ResponseEntity<Map<String, Object>> response, int status, String type) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> error = (Map<String, Object>) response.getBody().get("NeutronError");
		assertThat(error).as("%s", response.getBody()).containsEntry("type", type).containsEntry("detail", "");
		assertThat((String) error.get("message")).isNotBlank();
	}

}
