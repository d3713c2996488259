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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neutron's bulk create of networks, subnets and ports: all the items in one transaction,
 * so that a failing item (wherever it is) leaves nothing behind and its error is the
 * answer. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class BulkCreateTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	void severalNetworksAtOnceBareOrWrappedInOrder() {
		List<Map<String, Object>> created = createdList(this.api.call("bulk-a", HttpMethod.POST, "/v2.0/networks",
				"{\"networks\": [{\"name\": \"bulk-1\"}, {\"network\": {\"name\": \"bulk-2\", \"admin_state_up\": false}}, "
						+ "{\"name\": \"bulk-3\", \"description\": \"third\"}]}"),
				"networks");
		assertThat(created).extracting((network) -> network.get("name")).containsExactly("bulk-1", "bulk-2", "bulk-3");
		assertThat(created.get(1)).containsEntry("admin_state_up", false).containsEntry("project_id", "bulk-a");
		assertThat(created.get(2)).containsEntry("description", "third");
		assertThat(this.api.ids("bulk-a", "networks", "tenant_id=bulk-a"))
			.containsExactlyElementsOf(created.stream().map((network) -> network.get("id")).toList());
	}

	@Test
	void aNetworkRefusedInTheMiddleLeavesNoneOfTheOthers() {
		// a member may not create an external network: the second item is refused
		assertError(this.api.call("bulk-b", HttpMethod.POST, "/v2.0/networks",
				"{\"networks\": [{\"name\": \"bulk-b1\"}, {\"name\": \"bulk-b2\", \"router:external\": true}, "
						+ "{\"name\": \"bulk-b3\"}]}"),
				403, "PolicyNotAuthorized");
		// and an item no create would accept, before anything is created
		ResponseEntity<Map<String, Object>> unknown = this.api.call("bulk-b", HttpMethod.POST, "/v2.0/networks",
				"{\"networks\": [{\"name\": \"bulk-b1\"}, {\"name\": \"bulk-b2\", \"colour\": \"red\"}]}");
		assertError(unknown, 400, "HTTPBadRequest");
		assertThat(message(unknown)).contains("colour");
		assertThat(this.api.ids("bulk-b", "networks", "tenant_id=bulk-b")).isEmpty();
	}

	@Test
	void severalSubnetsAtOnceAndAnOverlapInTheMiddleLeavesNone() {
		String first = this.api.network("bulk-c", "\"name\": \"bulk-c1\"");
		String second = this.api.network("bulk-c", "\"name\": \"bulk-c2\"");
		assertError(this.api.call("bulk-c", HttpMethod.POST, "/v2.0/subnets", "{\"subnets\": ["
				+ subnet(first, "10.210.0.0/24") + ", " + subnet(second, "10.210.0.128/25") + ", "
				+ subnet(second, "10.211.0.0/24") + "]}"), 400, "InvalidInput");
		assertThat(this.api.ids("bulk-c", "subnets", "tenant_id=bulk-c")).isEmpty();

		List<Map<String, Object>> created = createdList(this.api.call("bulk-c", HttpMethod.POST, "/v2.0/subnets",
				"{\"subnets\": [" + subnet(first, "10.210.0.0/24") + ", " + subnet(second, "10.211.0.0/24") + "]}"),
				"subnets");
		assertThat(created).extracting((subnet) -> subnet.get("network_id")).containsExactly(first, second);
		assertThat(created).extracting((subnet) -> subnet.get("cidr")).containsExactly("10.210.0.0/24", "10.211.0.0/24");
	}

	@Test
	@SuppressWarnings("unchecked")
	void severalPortsAtOnceNeverShareAnAddressAndATakenAddressInTheMiddleLeavesNone() {
		String network = this.api.network("bulk-d", "\"name\": \"bulk-d\"");
		this.api.subnet("bulk-d", network, "10.212.0.0/24");
		String port = "{\"network_id\": \"" + network + "\"";
		ResponseEntity<Map<String, Object>> taken = this.api.call("bulk-d", HttpMethod.POST, "/v2.0/ports",
				"{\"ports\": [" + port + ", \"fixed_ips\": [{\"ip_address\": \"10.212.0.50\"}]}, " + port
						+ ", \"fixed_ips\": [{\"ip_address\": \"10.212.0.50\"}]}, " + port + "}]}");
		assertError(taken, 409, "IpAddressAlreadyAllocated");
		assertThat(this.api.ids("bulk-d", "ports", null)).isEmpty();

		List<Map<String, Object>> created = createdList(this.api.call("bulk-d", HttpMethod.POST, "/v2.0/ports",
				"{\"ports\": [" + port + ", \"fixed_ips\": [{\"ip_address\": \"10.212.0.50\"}]}, " + port + "}, " + port
						+ ", \"name\": \"third\"}]}"),
				"ports");
		List<Object> addresses = created.stream()
			.map((p) -> ((List<Map<String, Object>>) p.get("fixed_ips")).get(0).get("ip_address"))
			.toList();
		assertThat(addresses).doesNotHaveDuplicates().hasSize(3).startsWith("10.212.0.50");
		assertThat(created.get(2)).containsEntry("name", "third");
		assertThat(created).extracting((p) -> p.get("mac_address")).doesNotHaveDuplicates();
	}

	@Test
	void anotherProjectsNetworkInABulkIsNotFoundAndReadersCreateNothing() {
		String own = this.api.network("bulk-e", "\"name\": \"bulk-e\"");
		String foreign = this.api.network("bulk-e-other", "\"name\": \"bulk-e-other\"");
		assertError(this.api.call("bulk-e", HttpMethod.POST, "/v2.0/ports", "{\"ports\": [{\"network_id\": \"" + own
				+ "\"}, {\"network_id\": \"" + foreign + "\"}]}"), 404, "NetworkNotFound");
		assertThat(this.api.ids("bulk-e", "ports", null)).isEmpty();
		assertError(this.api.call("bulk-e", "reader", HttpMethod.POST, "/v2.0/networks",
				"{\"networks\": [{\"name\": \"bulk-e-r\"}]}"), 403, "PolicyNotAuthorized");
		assertThat(this.api.ids("bulk-e", "networks", "name=bulk-e-r")).isEmpty();
	}

	@Test
	void malformedBulkBodiesAreBadRequests() {
		for (String collection : List.of("networks", "subnets", "ports")) {
			String path = "/v2.0/" + collection;
			ResponseEntity<Map<String, Object>> empty = this.api.call("bulk-f", HttpMethod.POST, path,
					"{\"" + collection + "\": []}");
			assertError(empty, 400, "HTTPBadRequest");
			assertThat(message(empty)).isEqualTo("Resources required");
			for (String items : List.of("{}", "\"x\"", "[1, 2]", "[[]]", "[null]")) {
				assertError(this.api.call("bulk-f", HttpMethod.POST, path, "{\"" + collection + "\": " + items + "}"),
						400, "HTTPBadRequest");
			}
		}
		assertThat(this.api.ids("bulk-f", "networks", "tenant_id=bulk-f")).isEmpty();
	}

	private static String subnet(String network, String cidr) {
		return "{\"network_id\": \"" + network + "\", \"ip_version\": 4, \"cidr\": \"" + cidr + "\"}";
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> createdList(ResponseEntity<Map<String, Object>> response,
			String collection) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
		return (List<Map<String, Object>>) response.getBody().get(collection);
	}

}
