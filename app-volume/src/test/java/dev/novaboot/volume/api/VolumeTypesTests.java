package dev.novaboot.volume.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.volume.VolumeAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.volume.api.BlockStorageApiTests.assertFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * Cinder's volume types ({@code /types}, {@code /types/{id}/extra_specs}): the default
 * type {@code __DEFAULT__}, admin-only changes with Cinder's status codes, what members
 * see of a type, and the type a volume is created with, at 3.0 and at the newest
 * microversion.
 */
@VolumeAppTest
class VolumeTypesTests {

	@Autowired
	TestRestTemplate http;

	BlockStorageClient admin;

	BlockStorageClient member;

	@BeforeEach
	void clients() {
		this.admin = new BlockStorageClient(this.http, "admin", "admin", "admin");
		this.member = new BlockStorageClient(this.http, "project-" + UUID.randomUUID(), "tess", "member");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void theDefaultTypeIsCindersDefaultAndVolumesHaveIt(String version) {
		BlockStorageClient member = this.member.atVersion(version);

		Map<String, Object> type = (Map<String, Object>) member.get("/types/default").getBody().get("volume_type");
		assertThat(type).containsOnlyKeys("id", "name", "is_public", "description", "extra_specs",
				"os-volume-type-access:is_public")
			.containsEntry("name", "__DEFAULT__")
			.containsEntry("description", "Default Volume Type")
			.containsEntry("is_public", true)
			.containsEntry("extra_specs", Map.of());
		assertThat(member.get("/types/" + type.get("id")).getBody().get("volume_type")).isEqualTo(type);
		assertThat(member.list("/types", "volume_types")).extracting((t) -> t.get("name")).contains("__DEFAULT__");
		assertThat(member.createVolume(1)).containsEntry("volume_type", "__DEFAULT__");
		assertThat(((Map<String, Object>) this.admin.get("/types/default").getBody().get("volume_type")))
			.containsKey("qos_specs_id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void adminsCreateChangeAndDeleteTypesThatVolumesAreCreatedWith(String version) {
		BlockStorageClient admin = this.admin.atVersion(version);
		BlockStorageClient member = this.member.atVersion(version);
		String name = "gold-" + UUID.randomUUID();

		ResponseEntity<Map<String, Object>> created = admin.post("/types", Map.of("volume_type",
				Map.of("name", name, "description", "fast", "extra_specs", Map.of("volume_backend_name", "file",
						"multiattach", "<is> False"))));
		assertThat(created.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> type = (Map<String, Object>) created.getBody().get("volume_type");
		String id = (String) type.get("id");
		assertThat(type).containsEntry("name", name)
			.containsEntry("description", "fast")
			.containsEntry("is_public", true)
			.containsEntry("extra_specs", Map.of("volume_backend_name", "file", "multiattach", "<is> False"));
		// members see only the user-visible extra specs
		assertThat(member.get("/types/" + id).getBody().get("volume_type")).asInstanceOf(MAP)
			.containsEntry("extra_specs", Map.of("multiattach", "<is> False"))
			.doesNotContainKey("qos_specs_id");

		ResponseEntity<Map<String, Object>> updated = admin.exchange(HttpMethod.PUT, "/types/" + id,
				Map.of("volume_type", Map.of("description", "faster")));
		assertThat(updated.getStatusCode().value()).isEqualTo(200);
		assertThat(updated.getBody().get("volume_type")).asInstanceOf(MAP).containsEntry("description", "faster");

		Map<String, Object> byName = (Map<String, Object>) member
			.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", name)))
			.getBody()
			.get("volume");
		assertThat(byName).containsEntry("volume_type", name);
		Map<String, Object> byId = (Map<String, Object>) member
			.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", id)))
			.getBody()
			.get("volume");
		assertThat(member.volume((String) byId.get("id"))).containsEntry("volume_type", name);

		assertFault(admin.delete("/types/" + id), 400, "badRequest", "Target volume type is still in use.");
		assertFault(admin.post("/types/" + id + "/extra_specs", Map.of("extra_specs", Map.of("a", "b"))), 400,
				"badRequest", "Volume Type is currently in use.");
		member.delete("/volumes/" + byName.get("id"));
		member.delete("/volumes/" + byId.get("id"));
		assertThat(admin.delete("/types/" + id).getStatusCode().value()).isEqualTo(202);
		assertFault(admin.get("/types/" + id), 404, "itemNotFound", "Volume type " + id + " could not be found.");
		assertFault(member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", name))), 404,
				"itemNotFound", "Volume type with name " + name + " could not be found.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void extraSpecsAreSetOneByOneOrTogetherAndDeleted(String version) {
		BlockStorageClient admin = this.admin.atVersion(version);
		String id = (String) ((Map<String, Object>) admin
			.post("/types", Map.of("volume_type", Map.of("name", "specs-" + UUID.randomUUID())))
			.getBody()
			.get("volume_type")).get("id");
		String specs = "/types/" + id + "/extra_specs";

		ResponseEntity<Map<String, Object>> set = admin.post(specs, Map.of("extra_specs", Map.of("a", "1", "b", "2")));
		assertThat(set.getStatusCode().value()).isEqualTo(200);
		assertThat(set.getBody()).isEqualTo(Map.of("extra_specs", Map.of("a", "1", "b", "2")));
		assertThat(admin.exchange(HttpMethod.PUT, specs + "/b", Map.of("b", "3")).getBody()).isEqualTo(Map.of("b", "3"));
		assertThat(admin.get(specs).getBody()).isEqualTo(Map.of("extra_specs", Map.of("a", "1", "b", "3")));
		assertThat(admin.get(specs + "/a").getBody()).isEqualTo(Map.of("a", "1"));

		assertThat(admin.delete(specs + "/a").getStatusCode().value()).isEqualTo(202);
		assertFault(admin.delete(specs + "/a"), 404, "itemNotFound",
				"Volume Type " + id + " has no extra specs with key a.");
		assertFault(admin.exchange(HttpMethod.PUT, specs + "/b", Map.of("c", "1")), 400, "badRequest",
				"Request body and URI mismatch");
		assertFault(admin.post(specs, Map.of("extra_specs", Map.of("no spaces", "1"))), 400, "badRequest",
				"'no spaces' was unexpected");
		assertFault(admin.post(specs, Map.of("specs", Map.of("a", "1"))), 400, "badRequest",
				"'extra_specs' is a required property");
		assertThat(admin.get(specs).getBody()).isEqualTo(Map.of("extra_specs", Map.of("b", "3")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void membersMayNotChangeTypesAndSeeNoPrivateOnes() {
		String name = "private-" + UUID.randomUUID();
		String id = (String) ((Map<String, Object>) this.admin
			.post("/types", Map.of("volume_type", Map.of("name", name, "os-volume-type-access:is_public", false)))
			.getBody()
			.get("volume_type")).get("id");

		assertFault(this.member.post("/types", Map.of("volume_type", Map.of("name", "mine"))), 403, "forbidden",
				"volume_extension:type_create");
		assertFault(this.member.exchange(HttpMethod.PUT, "/types/" + id, Map.of("volume_type", Map.of("name", "x"))), 403,
				"forbidden", "volume_extension:type_update");
		assertFault(this.member.delete("/types/" + id), 403, "forbidden", "volume_extension:type_delete");
		assertFault(this.member.post("/types/" + id + "/extra_specs", Map.of("extra_specs", Map.of("a", "1"))), 403,
				"forbidden", "volume_extension:types_extra_specs:create");
		assertFault(this.member.get("/types/" + id), 404, "itemNotFound", "could not be found");
		assertThat(this.member.list("/types", "volume_types")).extracting((t) -> t.get("name")).doesNotContain(name);
		assertFault(this.member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", name))), 404,
				"itemNotFound", "Volume type with name " + name + " could not be found.");

		assertThat(this.admin.list("/types", "volume_types")).extracting((t) -> t.get("name")).doesNotContain(name);
		assertThat(this.admin.list("/types?is_public=false", "volume_types")).extracting((t) -> t.get("name"))
			.contains(name)
			.doesNotContain("__DEFAULT__");
		assertThat(this.admin.list("/types?is_public=none", "volume_types")).extracting((t) -> t.get("name"))
			.contains(name, "__DEFAULT__");
		assertFault(this.admin.get("/types?is_public=maybe"), 400, "badRequest", "Invalid is_public filter [maybe]");
	}

	@Test
	@SuppressWarnings("unchecked")
	void badTypeRequestsGetCindersAnswers() {
		String name = "dup-" + UUID.randomUUID();
		String id = (String) ((Map<String, Object>) this.admin.post("/types", Map.of("volume_type", Map.of("name", name)))
			.getBody()
			.get("volume_type")).get("id");
		String defaultId = (String) ((Map<String, Object>) this.admin.get("/types/default").getBody().get("volume_type"))
			.get("id");

		assertFault(this.admin.post("/types", Map.of("volume_type", Map.of("name", name))), 409, "conflictingRequest",
				"Volume Type " + name + " already exists.");
		assertFault(this.admin.post("/types", Map.of("volume_type", Map.of("description", "no name"))), 400,
				"badRequest", "'name' is a required property");
		assertFault(this.admin.post("/types", Map.of("volume_type", Map.of("name", "x", "size", 1))), 400, "badRequest",
				"'size' was unexpected");
		assertFault(this.admin.post("/types", Map.of("volume_type", Map.of("name", "x".repeat(256)))), 400,
				"badRequest", "name has 256 characters, more than 255.");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/types/" + id, Map.of("volume_type", Map.of())), 400,
				"badRequest", "Specify volume type name, description, is_public or a combination thereof.");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/types/" + id, Map.of("volume_type", Map.of("name", " "))), 400,
				"badRequest", "Volume type name can not be empty.");
		assertFault(this.admin.exchange(HttpMethod.PUT, "/types/" + id, Map.of("volume_type", Map.of("name",
				"__DEFAULT__"))), 409, "conflictingRequest", "Volume Type __DEFAULT__ already exists.");
		assertFault(this.admin.delete("/types/" + defaultId), 400, "badRequest",
				"The volume type " + defaultId + " is a default volume type and cannot be deleted.");
		assertFault(this.admin.get("/types/" + UUID.randomUUID()), 404, "itemNotFound", "could not be found");
		assertThat(this.admin.list("/types?is_public=none", "volume_types")).extracting((t) -> t.get("name"))
			.contains(name)
			.doesNotContain(List.of("x"));
	}


	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void aTypesVolumeBackendNameSendsItsVolumesToTheHostsReportingThatBackend(String version) {
		BlockStorageClient member = this.member.atVersion(version);
		String fake = "fake-backend-" + UUID.randomUUID();
		String missing = "array-backend-" + UUID.randomUUID();
		this.admin.post("/types",
				Map.of("volume_type", Map.of("name", fake, "extra_specs", Map.of("volume_backend_name", "fake"))));
		this.admin.post("/types", Map.of("volume_type",
				Map.of("name", missing, "extra_specs", Map.of("volume_backend_name", "gold-array"))));

		Map<String, Object> placed = (Map<String, Object>) member
			.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", fake)))
			.getBody()
			.get("volume");
		assertThat(placed).containsEntry("status", "available").containsEntry("volume_type", fake);
		assertThat(this.admin.volume((String) placed.get("id"))).containsEntry("os-vol-host-attr:host",
				"volume-test-host@fake#fake");

		Map<String, Object> unplaced = (Map<String, Object>) member
			.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", missing)))
			.getBody()
			.get("volume");
		assertThat(unplaced).containsEntry("status", "error");
		assertThat(member.atVersion("3.3").list("/messages", "messages")).extracting((m) -> m.get("resource_uuid"))
			.contains(unplaced.get("id"));
	}


	@ParameterizedTest
	@ValueSource(strings = { "3.0", "latest" })
	@SuppressWarnings("unchecked")
	void aPrivateTypeIsSeenAndUsedByTheProjectsGivenAccessOnly(String version) {
		BlockStorageClient admin = this.admin.atVersion(version);
		BlockStorageClient member = this.member.atVersion(version);
		String name = "private-" + UUID.randomUUID();
		String id = (String) ((Map<String, Object>) admin
			.post("/types", Map.of("volume_type", Map.of("name", name, "os-volume-type-access:is_public", false)))
			.getBody()
			.get("volume_type")).get("id");
		assertFault(member.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", name))), 404,
				"itemNotFound", "Volume type with name " + name + " could not be found.");
		assertThat(member.list("/types", "volume_types")).extracting((t) -> t.get("id")).doesNotContain(id);

		assertThat(admin.post("/types/" + id + "/action",
				Map.of("addProjectAccess", Map.of("project", member.project()))).getStatusCode().value())
			.isEqualTo(202);
		assertThat(admin.get("/types/" + id + "/os-volume-type-access").getBody()).isEqualTo(Map.of(
				"volume_type_access", List.of(Map.of("volume_type_id", id, "project_id", member.project()))));
		assertThat(member.list("/types", "volume_types")).extracting((t) -> t.get("id")).contains(id);
		assertThat(member.get("/types/" + id).getStatusCode().value()).isEqualTo(200);
		assertThat(((Map<String, Object>) member
			.post("/volumes", Map.of("volume", Map.of("size", 1, "volume_type", name)))
			.getBody()
			.get("volume"))).containsEntry("volume_type", name);
		assertThat(admin.list("/types?is_public=false", "volume_types")).extracting((t) -> t.get("id")).contains(id);
		assertThat(admin.list("/types?is_public=true", "volume_types")).extracting((t) -> t.get("id"))
			.doesNotContain(id);

		assertFault(admin.post("/types/" + id + "/action",
				Map.of("addProjectAccess", Map.of("project", member.project()))), 409, "conflictingRequest",
				"Volume type access for " + id + " / " + member.project() + " combination already exists.");
		assertThat(admin.post("/types/" + id + "/action",
				Map.of("removeProjectAccess", Map.of("project", member.project()))).getStatusCode().value())
			.isEqualTo(202);
		assertFault(admin.post("/types/" + id + "/action",
				Map.of("removeProjectAccess", Map.of("project", member.project()))), 404, "itemNotFound",
				"Volume type access not found for " + id + " / " + member.project() + " combination.");
		assertFault(member.get("/types/" + id), 404, "itemNotFound", "Volume type " + id + " could not be found.");
	}

	@Test
	void typeAccessIsForAdminsAndPrivateTypesWithCindersAnswersToBadRequests() {
		String publicId = (String) ((Map<?, ?>) this.admin.get("/types/default").getBody().get("volume_type")).get("id");
		assertFault(this.admin.get("/types/" + publicId + "/os-volume-type-access"), 404, "itemNotFound",
				"Access list not available for public volume types.");
		assertFault(this.admin.post("/types/" + publicId + "/action",
				Map.of("addProjectAccess", Map.of("project", "p"))), 400, "badRequest",
				"Type access modification is not applicable to public volume type.");
		assertFault(this.admin.post("/types/" + publicId + "/action", Map.of("addProjectAccess", Map.of())), 400,
				"badRequest", "'project' is a required property");
		assertFault(this.admin.post("/types/" + publicId + "/action",
				Map.of("addProjectAccess", Map.of("project", "p", "x", 1))), 400, "badRequest",
				"Additional properties are not allowed ('x' was unexpected)");
		assertFault(this.admin.post("/types/" + publicId + "/action", Map.of("shareWithEveryone", Map.of())), 400,
				"badRequest", "There is no such action: shareWithEveryone");
		assertFault(this.member.post("/types/" + publicId + "/action",
				Map.of("addProjectAccess", Map.of("project", "p"))), 403, "forbidden",
				"volume_extension:volume_type_access:addProjectAccess");
		assertFault(this.member.get("/types/" + publicId + "/os-volume-type-access"), 403, "forbidden",
				"type_access_who");
	}

}
