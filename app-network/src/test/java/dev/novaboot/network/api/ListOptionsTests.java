package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.network.api.ApiCalls.assertError;
import static dev.novaboot.network.api.ApiCalls.list;
import static dev.novaboot.network.api.ApiCalls.message;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neutron's list options: {@code fields}, {@code sort_key}/{@code sort_dir} (several,
 * sorted in the database), paging with {@code limit}, {@code marker} and
 * {@code page_reverse} in any order, the {@code <collection>_links} Neutron gives, and
 * 400 for bad values. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ListOptionsTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	void severalSortKeysWithTheRowOrderForEqualKeys() {
		String c = this.api.network("sort-a", "\"name\": \"c\"");
		String a1 = this.api.network("sort-a", "\"name\": \"a\", \"admin_state_up\": false");
		String b = this.api.network("sort-a", "\"name\": \"b\"");
		String a2 = this.api.network("sort-a", "\"name\": \"a\"");
		assertThat(this.api.ids("sort-a", "networks", "tenant_id=sort-a&sort_key=name&sort_dir=asc")).containsExactly(a1, a2, b, c);
		assertThat(this.api.ids("sort-a", "networks", "tenant_id=sort-a&sort_key=name&sort_dir=desc")).containsExactly(c, b, a1, a2);
		assertThat(this.api.ids("sort-a", "networks", "tenant_id=sort-a&sort_key=name&sort_dir=asc&sort_key=admin_state_up&sort_dir=desc"))
			.containsExactly(a2, a1, b, c);
		assertThat(this.api.ids("sort-a", "networks", "tenant_id=sort-a&sort_key=admin_state_up&sort_dir=asc&sort_key=id&sort_dir=desc"))
			.first()
			.isEqualTo(a1);
		// a constant key orders nothing: the row order stays
		assertThat(this.api.ids("sort-a", "networks", "tenant_id=sort-a&sort_key=mtu&sort_dir=desc")).containsExactly(c, a1, b, a2);
	}

	@Test
	void pagesOfASortedListFollowTheLinksBothWays() {
		List<String> ids = new ArrayList<>();
		for (String name : List.of("p5", "p1", "p4", "p2", "p3")) {
			ids.add(this.api.network("sort-b", "\"name\": \"" + name + "\""));
		}
		String sorted = "tenant_id=sort-b&sort_key=name&sort_dir=asc";
		List<Object> all = this.api.ids("sort-b", "networks", sorted);
		assertThat(all).containsExactly(ids.get(1), ids.get(3), ids.get(4), ids.get(2), ids.get(0));

		ResponseEntity<Map<String, Object>> first = this.api.get("sort-b", "/v2.0/networks?" + sorted + "&limit=2");
		assertThat(ids(first)).isEqualTo(all.subList(0, 2));
		assertThat(rels(first)).containsExactly("next", "previous");
		ResponseEntity<Map<String, Object>> second = follow("sort-b", first, "next");
		assertThat(ids(second)).isEqualTo(all.subList(2, 4));
		ResponseEntity<Map<String, Object>> third = follow("sort-b", second, "next");
		assertThat(ids(third)).isEqualTo(all.subList(4, 5));
		// a short forward page has no next
		assertThat(rels(third)).containsExactly("previous");
		ResponseEntity<Map<String, Object>> back = follow("sort-b", third, "previous");
		assertThat(ids(back)).isEqualTo(all.subList(2, 4));
		assertThat(href(back, "previous")).contains("page_reverse=True").contains("marker=" + all.get(2));
		assertThat(ids(follow("sort-b", back, "previous"))).isEqualTo(all.subList(0, 2));
		// without a marker, page_reverse is the last page
		assertThat(ids(this.api.get("sort-b", "/v2.0/networks?" + sorted + "&limit=2&page_reverse=True")))
			.isEqualTo(all.subList(3, 5));
		// no limit, no links
		assertThat(this.api.get("sort-b", "/v2.0/networks?" + sorted).getBody()).doesNotContainKey("networks_links");
	}

	@Test
	@SuppressWarnings("unchecked")
	void fieldsGiveOnlyTheAttributesAskedForAndTheLinksStillCarryTheMarker() {
		this.api.network("sort-c", "\"name\": \"f1\"");
		String second = this.api.network("sort-c", "\"name\": \"f2\"");
		this.api.network("sort-c", "\"name\": \"f3\"");
		ResponseEntity<Map<String, Object>> response = this.api.get("sort-c",
				"/v2.0/networks?tenant_id=sort-c&fields=name&fields=status&limit=2");
		assertThat(list(response, "networks")).containsExactly(Map.of("name", "f1", "status", "ACTIVE"),
				Map.of("name", "f2", "status", "ACTIVE"));
		assertThat(href(response, "next")).contains("marker=" + second).contains("fields=name").contains("fields=status");
		assertThat(list(this.api.get("sort-c", "/v2.0/networks?fields=id,name&name=f3"), "networks"))
			.singleElement()
			.satisfies((network) -> assertThat(network.keySet()).containsExactly("id", "name"));
		assertThat(list(this.api.get("sort-c", "/v2.0/networks?tenant_id=sort-c&fields=nothing"), "networks")).allSatisfy(
				(network) -> assertThat(network).isEmpty());
	}

	@Test
	@SuppressWarnings("unchecked")
	void computedKeysSortInTheDatabaseForEveryResource() {
		String net1 = this.api.network("sort-d", "\"name\": \"n1\"");
		String net2 = this.api.network("sort-d", "\"name\": \"n2\"");
		String subnet1 = this.api.subnet("sort-d", net1, "10.240.0.0/24");
		this.api.subnet("sort-d", net2, "10.240.1.0/24");
		List<Map<String, Object>> ports = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ports.add(this.api.create("sort-d", "ports", "port", "\"network_id\": \"" + ((i % 2 == 0) ? net1 : net2)
					+ "\", \"device_id\": \"" + ((i % 3 == 0) ? "" : "dev-" + (7 - i)) + "\""));
		}
		// status (ACTIVE with a device) then device_id descending, read three at a time
		List<Object> expected = ports.stream()
			.sorted(Comparator.comparing((Map<String, Object> port) -> ((String) port.get("device_id")).isEmpty())
				.thenComparing((port) -> (String) port.get("device_id"), Comparator.reverseOrder()))
			.map((port) -> port.get("id"))
			.toList();
		String query = "sort_key=status&sort_dir=asc&sort_key=device_id&sort_dir=desc";
		assertThat(this.api.ids("sort-d", "ports", query)).isEqualTo(expected);
		assertThat(pages("sort-d", "ports", query, 3)).isEqualTo(expected);

		List<Object> byNetwork = ports.stream()
			.sorted(Comparator.comparing((Map<String, Object> port) -> (String) port.get("network_id")).reversed())
			.map((port) -> port.get("id"))
			.toList();
		assertThat(pages("sort-d", "ports", "sort_key=network_id&sort_dir=desc", 2))
			.containsExactlyInAnyOrderElementsOf(byNetwork)
			.satisfies((ids) -> assertThat(ids.subList(0, 3).stream().map((id) -> network(ports, id)).distinct())
				.hasSize(1));
		assertThat(this.api.ids("sort-d", "subnets", "tenant_id=sort-d&sort_key=network_id&sort_dir=asc&sort_key=cidr&sort_dir=desc"))
			.hasSize(2);
		String external = this.api.network("admin", "\"name\": \"sort-ext\", \"router:external\": true");
		this.api.subnet("admin", external, "10.241.0.0/24");
		this.api.router("sort-d", external, subnet1);
		Map<String, Object> associated = this.api.create("sort-d", "floatingips", "floatingip",
				"\"floating_network_id\": \"" + external + "\", \"port_id\": \"" + ports.get(0).get("id") + "\"");
		Map<String, Object> free = this.api.create("sort-d", "floatingips", "floatingip",
				"\"floating_network_id\": \"" + external + "\"");
		// no fixed address sorts first, as the empty string
		assertThat(this.api.ids("sort-d", "floatingips", "sort_key=fixed_ip_address&sort_dir=asc"))
			.containsExactly(free.get("id"), associated.get("id"));
		assertThat(this.api.ids("sort-d", "floatingips", "sort_key=status&sort_dir=asc&limit=1"))
			.containsExactly(associated.get("id"));
	}

	@Test
	void badListOptionsAreBadRequestsInNeutronsWords() {
		Map<String, String> bad = Map.of(
				"sort_key=colour&sort_dir=asc", "['colour'] is invalid attribute for sort_keys",
				"sort_key=description&sort_dir=asc", "['description'] is invalid attribute for sort_keys",
				"sort_key=id", "The number of sort_keys and sort_dirs must be same",
				"sort_dir=asc", "The number of sort_keys and sort_dirs must be same",
				"sort_key=id&sort_dir=up", "['up'] is invalid value for sort_dirs, valid value is 'asc' and 'desc'",
				"sort_key=id&sort_dir=ASC", "['ASC'] is invalid value for sort_dirs");
		for (String collection : List.of("networks", "subnets", "ports", "floatingips")) {
			bad.forEach((query, reason) -> {
				ResponseEntity<Map<String, Object>> response = this.api.get("sort-e", "/v2.0/" + collection + "?" + query);
				assertError(response, 400, "HTTPBadRequest");
				assertThat(message(response)).as(collection + "?" + query).startsWith(reason);
			});
			assertError(this.api.get("sort-e", "/v2.0/" + collection + "?limit=x"), 400, "BadRequest");
		}
		ResponseEntity<Map<String, Object>> tooLong = this.api.get("sort-e", "/v2.0/ports?sort_dir=asc&sort_key="
				+ "k".repeat(3000));
		assertError(tooLong, 400, "HTTPBadRequest");
		assertThat(message(tooLong)).hasSizeLessThan(300);
	}

	/** Every page of a sorted list, following the next links. */
	private List<Object> pages(String project, String collection, String query, int limit) {
		List<Object> ids = new ArrayList<>();
		ResponseEntity<Map<String, Object>> page = this.api.get(project, "/v2.0/" + collection + "?" + query + "&limit="
				+ limit);
		while (true) {
			List<Object> got = list(page, collection).stream().map((item) -> item.get("id")).toList();
			ids.addAll(got);
			if (got.size() < limit) {
				return ids;
			}
			page = follow(project, page, "next");
		}
	}

	private static Object network(List<Map<String, Object>> ports, Object id) {
		return ports.stream().filter((port) -> port.get("id").equals(id)).findFirst().orElseThrow().get("network_id");
	}

	private static List<Object> ids(ResponseEntity<Map<String, Object>> response) {
		return list(response, "networks").stream().map((item) -> item.get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> rels(ResponseEntity<Map<String, Object>> response) {
		String collection = response.getBody().keySet().stream().filter((key) -> !key.endsWith("_links")).findFirst()
			.orElseThrow();
		return ((List<Map<String, Object>>) response.getBody().getOrDefault(collection + "_links", List.of())).stream()
			.map((link) -> link.get("rel"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static String href(ResponseEntity<Map<String, Object>> response, String rel) {
		String collection = response.getBody().keySet().stream().filter((key) -> !key.endsWith("_links")).findFirst()
			.orElseThrow();
		return (String) ((List<Map<String, Object>>) response.getBody().get(collection + "_links")).stream()
			.filter((link) -> link.get("rel").equals(rel))
			.findFirst()
			.orElseThrow()
			.get("href");
	}

	/** The page a link names, asked for by the project (the link names this server). */
	private ResponseEntity<Map<String, Object>> follow(String project, ResponseEntity<Map<String, Object>> response,
			String rel) {
		String href = href(response, rel);
		assertThat(href).startsWith("http://");
		return this.api.get(project, href.substring(href.indexOf("/v2.0/")));
	}

}
