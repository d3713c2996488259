package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

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
 * A subnet's {@code host_routes}, validated as Neutron validates them, kept in the order
 * given and replaced as a whole by an update. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SubnetHostRoutesTests {

	private static final String ROUTES = "[{\"destination\": \"192.168.50.0/24\", \"nexthop\": \"10.220.0.254\"}, "
			+ "{\"destination\": \"0.0.0.0/0\", \"nexthop\": \"10.220.0.253\"}]";

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	void hostRoutesAreKeptInOrderShownAndReplacedByAnUpdate() {
		String network = this.api.network("routes-a", "\"name\": \"routes-a\"");
		Map<String, Object> subnet = this.api.create("routes-a", "subnets", "subnet", "\"network_id\": \"" + network
				+ "\", \"ip_version\": 4, \"cidr\": \"10.220.0.0/24\", \"host_routes\": " + ROUTES);
		List<Map<String, String>> expected = List.of(Map.of("destination", "192.168.50.0/24", "nexthop", "10.220.0.254"),
				Map.of("destination", "0.0.0.0/0", "nexthop", "10.220.0.253"));
		assertThat(subnet).containsEntry("host_routes", expected);
		assertThat(one(this.api.get("routes-a", "/v2.0/subnets/" + subnet.get("id")), "subnet"))
			.containsEntry("host_routes", expected);

		Map<String, Object> updated = one(this.api.call("routes-a", HttpMethod.PUT, "/v2.0/subnets/" + subnet.get("id"),
				"{\"subnet\": {\"host_routes\": [{\"destination\": \"172.16.0.0/12\", \"nexthop\": \"10.220.0.9\"}, "
						+ "{\"destination\": \"192.168.50.0/24\", \"nexthop\": \"10.220.0.254\"}]}}"),
				"subnet");
		assertThat(updated).containsEntry("host_routes",
				List.of(Map.of("destination", "172.16.0.0/12", "nexthop", "10.220.0.9"),
						Map.of("destination", "192.168.50.0/24", "nexthop", "10.220.0.254")));
		Map<String, Object> cleared = one(this.api.call("routes-a", HttpMethod.PUT, "/v2.0/subnets/" + subnet.get("id"),
				"{\"subnet\": {\"host_routes\": []}}"), "subnet");
		assertThat(cleared).containsEntry("host_routes", List.of());
		// a subnet with routes is deleted with them
		assertThat(this.api.call("routes-a", HttpMethod.PUT, "/v2.0/subnets/" + subnet.get("id"),
				"{\"subnet\": {\"host_routes\": " + ROUTES + "}}").getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.call("routes-a", HttpMethod.DELETE, "/v2.0/subnets/" + subnet.get("id"), null)
			.getStatusCode()
			.value()).isEqualTo(204);
	}

	@Test
	void badHostRoutesAreRefusedNamingTheRouteAndNothingIsStored() {
		String network = this.api.network("routes-b", "\"name\": \"routes-b\"");
		Map<String, String> bad = Map.ofEntries(
				Map.entry("[{\"destination\": \"10.1.0.1/24\", \"nexthop\": \"10.221.0.9\"}]", "'10.1.0.1/24' is not a valid CIDR"),
				Map.entry("[{\"destination\": \"10.1.0.0\", \"nexthop\": \"10.221.0.9\"}]", "'10.1.0.0' is not a valid CIDR"),
				Map.entry("[{\"destination\": \"10.1.0.0/33\", \"nexthop\": \"10.221.0.9\"}]", "is not a valid CIDR"),
				Map.entry("[{\"destination\": \"127.0.0.0/8\", \"nexthop\": \"10.221.0.9\"}]", "is not a routable CIDR"),
				Map.entry("[{\"destination\": \"10.1.0.0/24\", \"nexthop\": \"10.221.0.300\"}]", "is not a valid IP address"),
				Map.entry("[{\"destination\": \"10.1.0.0/24\"}]", "needs a 'destination' and a 'nexthop'"),
				Map.entry("[{\"destination\": \"10.1.0.0/24\", \"nexthop\": \"10.221.0.9\"}, "
						+ "{\"destination\": \"10.1.0.0/24\", \"nexthop\": \"10.221.0.9\"}]", "Duplicate hostroute"),
				Map.entry("[{\"destination\": \"10.1.0.0/24\", \"nexthop\": \"10.221.0.9\", \"metric\": 1}]", "metric"),
				Map.entry("[{\"destination\": 10, \"nexthop\": \"10.221.0.9\"}]", "destination"),
				Map.entry("[{\"destination\": \"" + "1".repeat(300) + "\", \"nexthop\": \"10.221.0.9\"}]", "destination"),
				Map.entry("\"10.1.0.0/24\"", "host_routes"));
		bad.forEach((routes, reason) -> {
			ResponseEntity<Map<String, Object>> response = this.api.call("routes-b", HttpMethod.POST, "/v2.0/subnets",
					"{\"subnet\": {\"network_id\": \"" + network + "\", \"ip_version\": 4, \"cidr\": \"10.221.0.0/24\", "
							+ "\"host_routes\": " + routes + "}}");
			assertThat(response.getStatusCode().value()).as(routes).isEqualTo(400);
			assertThat(message(response)).as(routes).contains(reason);
		});
		StringBuilder many = new StringBuilder("[");
		for (int i = 0; i <= 20; i++) {
			many.append((i > 0) ? ", " : "").append("{\"destination\": \"10.1.").append(i).append(".0/24\", \"nexthop\": \"10.221.0.9\"}");
		}
		ResponseEntity<Map<String, Object>> exhausted = this.api.call("routes-b", HttpMethod.POST, "/v2.0/subnets",
				"{\"subnet\": {\"network_id\": \"" + network + "\", \"ip_version\": 4, \"cidr\": \"10.221.0.0/24\", "
						+ "\"host_routes\": " + many + "]}}");
		assertError(exhausted, 400, "HostRoutesExhausted");
		assertThat(message(exhausted)).isEqualTo(
				"Unable to complete operation for new subnet. The number of host routes exceeds the limit 20.");
		assertThat(this.api.ids("routes-b", "subnets", "tenant_id=routes-b")).isEmpty();
	}

	@Test
	void aBadUpdateChangesNothingAndAnotherProjectsSubnetIsNotFound() {
		String network = this.api.network("routes-c", "\"name\": \"routes-c\"");
		Map<String, Object> subnet = this.api.create("routes-c", "subnets", "subnet", "\"network_id\": \"" + network
				+ "\", \"ip_version\": 4, \"cidr\": \"10.222.0.0/24\", \"host_routes\": " + ROUTES);
		String path = "/v2.0/subnets/" + subnet.get("id");
		assertError(this.api.call("routes-c", HttpMethod.PUT, path, "{\"subnet\": {\"host_routes\": [{\"destination\": "
				+ "\"10.1.0.0/24\", \"nexthop\": \"x\"}]}}"), 400, "InvalidInput");
		assertError(this.api.call("routes-other", HttpMethod.PUT, path, "{\"subnet\": {\"host_routes\": []}}"), 404,
				"SubnetNotFound");
		assertError(this.api.call("routes-c", "reader", HttpMethod.PUT, path, "{\"subnet\": {\"host_routes\": []}}"), 403,
				"PolicyNotAuthorized");
		assertThat(one(this.api.get("routes-c", path), "subnet").get("host_routes")).isEqualTo(subnet.get("host_routes"));
	}

}
