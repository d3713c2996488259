package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.network.api.ApiCalls.assertError;
import static dev.novaboot.network.api.ApiCalls.message;
import static dev.novaboot.network.api.ApiCalls.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A router's static {@code routes} (Neutron's {@code extraroute}): set as a whole by an
 * update, each nexthop on a subnet of the router's ports, validated with Neutron's
 * messages; an interface a route needs stays. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class RouterExtraRoutesTests {

	private static final AtomicInteger NEXT = new AtomicInteger();

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	private String router;

	private String subnet;

	@BeforeEach
	void routerWithAnInterface() {
		this.api = new ApiCalls(this.http);
		String network = this.api.network("xr", "\"name\": \"xr\"");
		this.subnet = this.api.subnet("xr", network, "10.243." + NEXT.incrementAndGet() + ".0/24");
		this.router = (String) this.api.create("xr", "routers", "router", "\"name\": \"xr\"").get("id");
		assertThat(put("/v2.0/routers/" + this.router + "/add_router_interface", "{\"subnet_id\": \"" + this.subnet + "\"}")
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private ResponseEntity<Map<String, Object>> put(String path, String body) {
		return this.api.call("xr", HttpMethod.PUT, path, body);
	}

	private ResponseEntity<Map<String, Object>> routes(String routes) {
		return put("/v2.0/routers/" + this.router, "{\"router\": {\"routes\": " + routes + "}}");
	}

	private String prefix() {
		return "10.243." + NEXT.get() + ".";
	}

	@Test
	void routesAreShownSetAsAWholeAndClearedWithNull() {
		assertThat(one(this.api.get("xr", "/v2.0/routers/" + this.router), "router")).containsEntry("routes", List.of());
		String two = "[{\"destination\": \"192.168.70.0/24\", \"nexthop\": \"" + prefix() + "5\"}, "
				+ "{\"destination\": \"0.0.0.0/0\", \"nexthop\": \"" + prefix() + "6\"}]";
		assertThat(one(routes(two), "router")).containsEntry("routes",
				List.of(Map.of("destination", "192.168.70.0/24", "nexthop", prefix() + "5"),
						Map.of("destination", "0.0.0.0/0", "nexthop", prefix() + "6")));
		assertThat(one(routes("[{\"destination\": \"192.168.71.0/24\", \"nexthop\": \"" + prefix() + "7\"}]"), "router"))
			.containsEntry("routes", List.of(Map.of("destination", "192.168.71.0/24", "nexthop", prefix() + "7")));

		// the interface the route goes through is needed
		ResponseEntity<Map<String, Object>> response = put("/v2.0/routers/" + this.router + "/remove_router_interface",
				"{\"subnet_id\": \"" + this.subnet + "\"}");
		assertError(response, 409, "RouterInterfaceInUseByRoute");
		assertThat(message(response)).isEqualTo("Router interface for subnet " + this.subnet + " on router " + this.router
				+ " cannot be deleted, as it is required by one or more routes.");

		assertThat(one(routes("null"), "router")).containsEntry("routes", List.of());
		assertThat(put("/v2.0/routers/" + this.router + "/remove_router_interface", "{\"subnet_id\": \"" + this.subnet + "\"}")
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(this.api.call("xr", HttpMethod.DELETE, "/v2.0/routers/" + this.router, null).getStatusCode().value())
			.isEqualTo(204);
	}

	@Test
	void badRoutesAreRefusedInNeutronsWordsAndChangeNothing() {
		String kept = "[{\"destination\": \"192.168.72.0/24\", \"nexthop\": \"" + prefix() + "5\"}]";
		assertThat(routes(kept).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<Map<String, Object>> unconnected = routes(
				"[{\"destination\": \"192.168.73.0/24\", \"nexthop\": \"172.31.0.1\"}]");
		assertError(unconnected, 400, "InvalidRoutes");
		assertThat(message(unconnected)).isEqualTo("Invalid format for routes: [{'destination': '192.168.73.0/24', "
				+ "'nexthop': '172.31.0.1'}], the nexthop is not connected with router.");
		ResponseEntity<Map<String, Object>> own = routes(
				"[{\"destination\": \"192.168.73.0/24\", \"nexthop\": \"" + prefix() + "1\"}]");
		assertError(own, 400, "InvalidRoutes");
		assertThat(message(own)).endsWith("the nexthop is used by router.");
		Map<String, String> bad = Map.of(
				"[{\"destination\": \"192.168.73.1/24\", \"nexthop\": \"" + prefix() + "5\"}]", "is not a valid IP subnet",
				"[{\"destination\": \"192.168.73.0/24\", \"nexthop\": \"x\"}]", "'x' is not a valid IP address",
				"[{\"destination\": \"192.168.73.0/24\"}]", "Expected keys",
				"[{\"destination\": \"192.168.73.0/24\", \"nexthop\": \"" + prefix() + "5\"}, {\"destination\": "
						+ "\"192.168.73.0/24\", \"nexthop\": \"" + prefix() + "5\"}]", "Duplicate hostroute",
				"[{\"destination\": \"192.168.73.0/24\", \"nexthop\": \"" + prefix() + "5\", \"metric\": 1}]", "metric",
				"\"192.168.73.0/24\"", "routes");
		bad.forEach((routes, reason) -> {
			ResponseEntity<Map<String, Object>> response = routes(routes);
			assertThat(response.getStatusCode().value()).as(routes).isEqualTo(400);
			assertThat(message(response)).as(routes).contains(reason);
		});
		StringBuilder many = new StringBuilder("[");
		for (int i = 0; i <= 30; i++) {
			many.append((i > 0) ? ", " : "").append("{\"destination\": \"192.168.").append(i).append(".0/24\", \"nexthop\": \"")
				.append(prefix()).append("5\"}");
		}
		ResponseEntity<Map<String, Object>> exhausted = routes(many + "]");
		assertError(exhausted, 400, "RoutesExhausted");
		assertThat(message(exhausted)).isEqualTo("Unable to complete operation for " + this.router
				+ ". The number of routes exceeds the maximum 30.");
		assertError(this.api.call("xr-other", HttpMethod.PUT, "/v2.0/routers/" + this.router,
				"{\"router\": {\"routes\": []}}"), 404, "RouterNotFound");
		assertThat(one(this.api.get("xr", "/v2.0/routers/" + this.router), "router").get("routes"))
			.isEqualTo(List.of(Map.of("destination", "192.168.72.0/24", "nexthop", prefix() + "5")));
	}

}
