package dev.novaboot.compute.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flavors as Nova's API gives them: the seeded m1 set, filters, sorting and paging; create
 * and delete by admins; private flavors opened to projects; extra specs. Every flavor a
 * test creates is deleted after it, so that the seeded set is what other tests list.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class FlavorsApiTests {

	@Autowired
	TestRestTemplate http;

	ComputeApiClient admin;

	ComputeApiClient member;

	final List<String> created = new ArrayList<>();

	@BeforeEach
	void clients() {
		this.admin = new ComputeApiClient(this.http, "project-flavor-admin", "admin");
		this.member = new ComputeApiClient(this.http, "project-flavor-user", "member");
	}

	@AfterEach
	void deleteCreated() {
		this.created.forEach((id) -> this.admin.delete("/v2.1/flavors/" + id));
	}

	@Test
	void theSeededFlavorsAreListedByIdWithNovasFieldsAndTypes() {
		assertThat(ids(this.member.get("/v2.1/flavors"))).containsExactly("1", "2", "3", "4", "5");
		Map<String, Object> tiny = flavors(this.member.get("/v2.1/flavors/detail")).get(0);
		assertThat(tiny).containsEntry("id", "1")
			.containsEntry("name", "m1.tiny")
			.containsEntry("ram", 512)
			.containsEntry("vcpus", 1)
			.containsEntry("disk", 1)
			.containsEntry("swap", "")
			.containsEntry("OS-FLV-EXT-DATA:ephemeral", 0)
			.containsEntry("OS-FLV-DISABLED:disabled", false)
			.containsEntry("os-flavor-access:is_public", true)
			.containsEntry("rxtx_factor", 1.0)
			.containsKey("links");
		assertThat(this.member.at("2.53").get("/v2.1/flavors/1").getBody()).containsKey("flavor");
		assertFault(this.member.get("/v2.1/flavors/99"), 404, "Flavor 99 could not be found.");
	}

	@Test
	void listsFilterByMinRamAndMinDiskAndRefuseWhatIsNoInteger() {
		assertThat(ids(this.member.get("/v2.1/flavors?minRam=4096"))).containsExactly("3", "4", "5");
		assertThat(ids(this.member.get("/v2.1/flavors/detail?minDisk=80"))).containsExactly("4", "5");
		assertThat(ids(this.member.get("/v2.1/flavors?minRam=2048&minDisk=40"))).containsExactly("3", "4", "5");
		assertFault(this.member.get("/v2.1/flavors?minRam=lots"), 400, "Invalid minRam filter [lots]");
		assertFault(this.member.get("/v2.1/flavors/detail?minDisk=1.5"), 400, "Invalid minDisk filter [1.5]");
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsSortAndPageWithLinksToTheNextPage() {
		assertThat(ids(this.member.get("/v2.1/flavors?sort_key=memory_mb&sort_dir=desc"))).containsExactly("5", "4",
				"3", "2", "1");
		assertThat(ids(this.member.get("/v2.1/flavors?sort_key=name"))).containsExactly("4", "3", "2", "1", "5");

		ResponseEntity<Map<String, Object>> first = this.member.get("/v2.1/flavors/detail?limit=2");
		assertThat(ids(first)).containsExactly("1", "2");
		List<Map<String, String>> links = (List<Map<String, String>>) first.getBody().get("flavors_links");
		assertThat(links).singleElement()
			.satisfies((link) -> assertThat(link.get("href")).contains("/v2.1/flavors/detail?")
				.contains("limit=2")
				.contains("marker=2"));
		assertThat(ids(this.member.get("/v2.1/flavors?limit=2&marker=2"))).containsExactly("3", "4");
		ResponseEntity<Map<String, Object>> last = this.member.get("/v2.1/flavors?limit=2&marker=4");
		assertThat(ids(last)).containsExactly("5");
		assertThat(last.getBody()).doesNotContainKey("flavors_links");
		assertThat(ids(this.member.get("/v2.1/flavors?sort_key=memory_mb&sort_dir=desc&limit=2&marker=4")))
			.containsExactly("3", "2");

		assertFault(this.member.get("/v2.1/flavors?marker=nope"), 400, "marker [nope] not found");
		assertFault(this.member.get("/v2.1/flavors?limit=-1"), 400, "limit must be >= 0");
		assertFault(this.member.get("/v2.1/flavors?limit=few"), 400, "limit must be an integer");
		assertFault(this.member.get("/v2.1/flavors?sort_key=colour"), 400, "'colour' is not one of");
		assertFault(this.member.get("/v2.1/flavors?sort_dir=up"), 400, "'up' is not one of ['asc', 'desc']");
	}

	@Test
	void adminsCreateAndDeleteFlavorsAndMembersMayNot() {
		ResponseEntity<Map<String, Object>> refused = this.member.post("/v2.1/flavors", flavor("m2.member", "m2m"));
		assertFault(refused, 403, "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.");

		ResponseEntity<Map<String, Object>> made = create(flavor("m2.custom", "m2c", "swap", 512,
				"OS-FLV-EXT-DATA:ephemeral", 10, "rxtx_factor", "2.5"));
		assertThat(made.getStatusCode().value()).isEqualTo(200);
		assertThat(flavor(made)).containsEntry("id", "m2c")
			.containsEntry("name", "m2.custom")
			.containsEntry("ram", 1024)
			.containsEntry("vcpus", 2)
			.containsEntry("disk", 10)
			.containsEntry("swap", 512)
			.containsEntry("OS-FLV-EXT-DATA:ephemeral", 10)
			.containsEntry("rxtx_factor", 2.5)
			.containsEntry("os-flavor-access:is_public", true);
		assertThat(ids(this.member.get("/v2.1/flavors"))).contains("m2c");

		assertFault(this.admin.post("/v2.1/flavors", flavor("m2.custom", "other-id")), 409,
				"Flavor with name m2.custom already exists.");
		assertFault(this.admin.post("/v2.1/flavors", flavor("other-name", "m2c")), 409,
				"Flavor with ID m2c already exists.");

		// no id: a uuid is made, as Nova does
		Map<String, Object> body = flavor("m2.anonymous", null);
		String generated = (String) flavor(create(body)).get("id");
		assertThat(generated).matches("[0-9a-f-]{36}");

		assertFault(this.member.delete("/v2.1/flavors/m2c"), 403,
				"Policy doesn't allow os_compute_api:os-flavor-manage:delete to be performed.");
		assertThat(this.admin.delete("/v2.1/flavors/m2c").getStatusCode().value()).isEqualTo(202);
		assertFault(this.admin.delete("/v2.1/flavors/m2c"), 404, "Flavor m2c could not be found.");
		assertThat(ids(this.member.get("/v2.1/flavors"))).doesNotContain("m2c");
	}

	@Test
	void badFlavorsAreRefusedNamingTheFieldAndNothingIsCreated() {
		List<String> before = ids(this.admin.get("/v2.1/flavors?is_public=none"));
		Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
		refused.put("ram", Map.of("ram", 0));
		refused.put("vcpus", Map.of("vcpus", "two"));
		refused.put("disk", Map.of("disk", -1));
		refused.put("swap", Map.of("swap", 1.5));
		refused.put("OS-FLV-EXT-DATA:ephemeral", Map.of("OS-FLV-EXT-DATA:ephemeral", "x"));
		refused.put("name", Map.of("name", ""));
		refused.put("'name' value", Map.of("name", " leading"));
		refused.put("id", Map.of("id", "a/b"));
		refused.put("id ", Map.of("id", " padded"));
		refused.put("rxtx_factor", Map.of("rxtx_factor", 0));
		refused.put("os-flavor-access:is_public", Map.of("os-flavor-access:is_public", "maybe"));
		// description is microversion 2.55's, above what this API speaks
		refused.put("'description' was unexpected", Map.of("description", "big"));
		refused.forEach((field, attributes) -> {
			Map<String, Object> body = flavor("m2.refused", "m2r");
			flavorOf(body).putAll(attributes);
			ResponseEntity<Map<String, Object>> response = this.admin.post("/v2.1/flavors", body);
			assertFault(response, 400, field.strip());
		});
		Map<String, Object> missing = new HashMap<>(Map.of("name", "m2.missing", "vcpus", 1, "disk", 1));
		assertFault(this.admin.post("/v2.1/flavors", Map.of("flavor", missing)), 400, "'ram' is a required property");
		assertFault(this.admin.post("/v2.1/flavors", Map.of("flavour", missing)), 400, "'flavour' was unexpected");
		assertThat(ids(this.admin.get("/v2.1/flavors?is_public=none"))).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPrivateFlavorIsSeenAndUsedOnlyByTheProjectsItIsOpenTo() {
		create(flavor("m2.private", "m2p", "os-flavor-access:is_public", false));
		String access = "/v2.1/flavors/m2p/os-flavor-access";
		String action = "/v2.1/flavors/m2p/action";

		assertThat(ids(this.member.get("/v2.1/flavors"))).doesNotContain("m2p");
		assertFault(this.member.get("/v2.1/flavors/m2p"), 404, "Flavor m2p could not be found.");
		assertThat(ids(this.admin.get("/v2.1/flavors?is_public=false"))).containsExactly("m2p");
		assertThat(ids(this.admin.get("/v2.1/flavors?is_public=none"))).contains("1", "m2p");
		assertThat(ids(this.admin.get("/v2.1/flavors"))).doesNotContain("m2p");
		assertFault(this.admin.get("/v2.1/flavors?is_public=maybe"), 400, "Invalid is_public filter [maybe]");
		assertThat((List<Object>) this.admin.get(access).getBody().get("flavor_access")).isEmpty();

		ResponseEntity<Map<String, Object>> opened = this.admin.post(action,
				Map.of("addTenantAccess", Map.of("tenant", "project-flavor-user")));
		assertThat(opened.getStatusCode().value()).isEqualTo(200);
		assertThat((List<Object>) opened.getBody().get("flavor_access"))
			.containsExactly(Map.of("flavor_id", "m2p", "tenant_id", "project-flavor-user"));
		assertThat(ids(this.member.get("/v2.1/flavors"))).contains("m2p");
		assertThat(this.member.get("/v2.1/flavors/m2p").getStatusCode().value()).isEqualTo(200);
		assertFault(this.admin.post(action, Map.of("addTenantAccess", Map.of("tenant", "project-flavor-user"))), 409,
				"Flavor access already exists for flavor m2p and project project-flavor-user combination.");

		// the members' policy: no access lists, no changes
		assertFault(this.member.get(access), 403, "os_compute_api:os-flavor-access");
		assertFault(this.member.post(action, Map.of("removeTenantAccess", Map.of("tenant", "project-flavor-user"))),
				403, "remove_tenant_access");
		assertFault(this.admin.post(action, Map.of("addTenantAccess", Map.of("project", "x"))), 400,
				"'project' was unexpected");
		assertFault(this.admin.post(action, Map.of("openUp", Map.of())), 400, "There is no such action: openUp");

		assertThat((List<Object>) this.admin.post(action,
				Map.of("removeTenantAccess", Map.of("tenant", "project-flavor-user")))
			.getBody()
			.get("flavor_access")).isEmpty();
		assertFault(this.admin.post(action, Map.of("removeTenantAccess", Map.of("tenant", "project-flavor-user"))),
				404, "Flavor access not found for m2p / project-flavor-user combination.");
		assertThat(ids(this.member.get("/v2.1/flavors"))).doesNotContain("m2p");
	}

	@Test
	void publicFlavorsHaveNoAccessListAndTakeNoAccessFrom27() {
		assertFault(this.admin.get("/v2.1/flavors/1/os-flavor-access"), 404,
				"Access list not available for public flavors.");
		create(flavor("m2.open", "m2o"));
		assertFault(this.admin.at("2.7").post("/v2.1/flavors/m2o/action",
				Map.of("addTenantAccess", Map.of("tenant", "project-flavor-user"))), 409,
				"Can not add access to a public flavor.");
		assertThat(this.admin.at("2.6")
			.post("/v2.1/flavors/m2o/action", Map.of("addTenantAccess", Map.of("tenant", "project-flavor-user")))
			.getStatusCode()
			.value()).isEqualTo(200);
		assertFault(this.admin.post("/v2.1/flavors/nope/action",
				Map.of("addTenantAccess", Map.of("tenant", "project-flavor-user"))), 404, "Flavor nope could not be found.");
	}

	@Test
	void extraSpecsAreReadByWhoSeesTheFlavorAndWrittenByAdmins() {
		create(flavor("m2.specs", "m2s"));
		String specs = "/v2.1/flavors/m2s/os-extra_specs";
		assertThat(this.member.get(specs).getBody()).containsEntry("extra_specs", Map.of());

		ResponseEntity<Map<String, Object>> made = this.admin.post(specs,
				Map.of("extra_specs", Map.of("hw:cpu_policy", "dedicated", "quota:disk_read_bytes_sec", 1000)));
		assertThat(made.getStatusCode().value()).isEqualTo(200);
		assertThat(made.getBody()).containsEntry("extra_specs",
				Map.of("hw:cpu_policy", "dedicated", "quota:disk_read_bytes_sec", 1000));
		assertThat(this.member.get(specs).getBody()).containsEntry("extra_specs",
				Map.of("hw:cpu_policy", "dedicated", "quota:disk_read_bytes_sec", "1000"));
		assertThat(this.member.get(specs + "/hw:cpu_policy").getBody()).isEqualTo(Map.of("hw:cpu_policy", "dedicated"));
		assertFault(this.member.get(specs + "/hw:mem_page_size"), 404,
				"Flavor m2s has no extra specs with key hw:mem_page_size.");

		ResponseEntity<Map<String, Object>> updated = this.admin.put(specs + "/hw:cpu_policy",
				Map.of("hw:cpu_policy", "shared"));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat(this.member.get(specs + "/hw:cpu_policy").getBody()).isEqualTo(Map.of("hw:cpu_policy", "shared"));

		assertFault(this.admin.put(specs + "/hw:cpu_policy", Map.of("hw:other", "x")), 400,
				"Request body and URI mismatch");
		assertFault(this.admin.put(specs + "/a", Map.of("a", "1", "b", "2")), 400, "too many properties");
		assertFault(this.admin.post(specs, Map.of("extra_specs", Map.of("bad/key", "x"))), 400, "extra_specs");
		assertFault(this.admin.post(specs, Map.of("extra_specs", Map.of("long", "v".repeat(256)))), 400, "too long");
		assertFault(this.admin.post(specs, Map.of("extra_specs", Map.of("list", List.of(1)))), 400, "'string'");
		assertFault(this.admin.post(specs, Map.of("specs", Map.of())), 400, "'specs' was unexpected");
		assertFault(this.member.post(specs, Map.of("extra_specs", Map.of("a", "b"))), 403,
				"os_compute_api:os-flavor-extra-specs:create");
		assertFault(this.member.put(specs + "/a", Map.of("a", "b")), 403, "os-flavor-extra-specs:update");
		assertFault(this.member.delete(specs + "/hw:cpu_policy"), 403, "os-flavor-extra-specs:delete");

		assertThat(this.admin.delete(specs + "/hw:cpu_policy").getStatusCode().value()).isEqualTo(200);
		assertFault(this.admin.delete(specs + "/hw:cpu_policy"), 404,
				"Flavor m2s has no extra specs with key hw:cpu_policy.");
		assertThat(this.member.get(specs).getBody()).containsEntry("extra_specs",
				Map.of("quota:disk_read_bytes_sec", "1000"));
		assertFault(this.member.get("/v2.1/flavors/nope/os-extra_specs"), 404, "Flavor nope could not be found.");
	}

	@Test
	void aPrivateFlavorsExtraSpecsAreHiddenFromOtherProjects() {
		create(flavor("m2.hidden", "m2h", "os-flavor-access:is_public", false));
		assertFault(this.member.get("/v2.1/flavors/m2h/os-extra_specs"), 404, "Flavor m2h could not be found.");
		assertThat(this.admin.get("/v2.1/flavors/m2h/os-extra_specs").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aServerBootsWithAPrivateFlavorOnlyWhenItsProjectMayUseItAndKeepsItsExtraSpecs() {
		create(flavor("m2.boot", "m2b", "os-flavor-access:is_public", false, "ram", 256, "disk", 1));
		this.admin.post("/v2.1/flavors/m2b/os-extra_specs", Map.of("extra_specs", Map.of("hw:cpu_policy", "dedicated")));
		String image = (String) ((List<Map<String, Object>>) this.member
			.get("/image/v2/images?name=cirros-0.6.2-x86_64-disk")
			.getBody()
			.get("images")).get(0).get("id");
		Map<String, Object> server = new HashMap<>(Map.of("name", "private-flavor", "flavorRef", "m2b", "imageRef",
				image, "networks", "none"));
		ComputeApiClient member = this.member.at("2.53");
		assertFault(member.post("/v2.1/servers", Map.of("server", server)), 400, "Flavor m2b could not be found.");

		this.admin.post("/v2.1/flavors/m2b/action", Map.of("addTenantAccess", Map.of("tenant", "project-flavor-user")));
		String id = member.boot("private-flavor", "m2b", image, Map.of("networks", "none"));
		Map<String, Object> booted = member.awaitStatus(id, "ACTIVE");
		assertThat((Map<String, Object>) booted.get("flavor")).containsEntry("original_name", "m2.boot")
			.containsEntry("ram", 256)
			.containsEntry("extra_specs", Map.of("hw:cpu_policy", "dedicated"));
		member.delete("/v2.1/servers/" + id);
		member.awaitGone(id);
	}

	private ResponseEntity<Map<String, Object>> create(Map<String, Object> body) {
		ResponseEntity<Map<String, Object>> response = this.admin.post("/v2.1/flavors", body);
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		this.created.add((String) flavor(response).get("id"));
		return response;
	}

	private static Map<String, Object> flavor(String name, String id, Object... more) {
		Map<String, Object> flavor = new HashMap<>(Map.of("name", name, "ram", 1024, "vcpus", 2, "disk", 10));
		if (id != null) {
			flavor.put("id", id);
		}
		for (int i = 0; i < more.length; i += 2) {
			flavor.put((String) more[i], more[i + 1]);
		}
		return new HashMap<>(Map.of("flavor", flavor));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> flavorOf(Map<String, Object> body) {
		return (Map<String, Object>) body.get("flavor");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> flavor(ResponseEntity<Map<String, Object>> response) {
		return (Map<String, Object>) response.getBody().get("flavor");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> flavors(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return (List<Map<String, Object>>) response.getBody().get("flavors");
	}

	private static List<String> ids(ResponseEntity<Map<String, Object>> response) {
		return flavors(response).stream().map((flavor) -> (String) flavor.get("id")).toList();
	}

	@SuppressWarnings("unchecked")
	private static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> fault = (Map<String, Object>) response.getBody().values().iterator().next();
		assertThat(fault).containsEntry("code", status);
		assertThat((String) fault.get("message")).contains(message);
	}

}
