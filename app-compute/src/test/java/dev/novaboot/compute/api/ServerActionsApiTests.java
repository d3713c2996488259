package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.driver.FakeComputeDriver;
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
 * Rebuild, lock, pause, suspend, resize and deferred delete through the API and the fake
 * driver, at microversions 2.1 and 2.53, with Nova's states, its 409s in the wrong state
 * or on a locked server, and its 400s for bad bodies. Immediate deletes (no reclaim
 * interval): soft delete itself is {@code DeferredDeleteApiTests}'.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServerActionsApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	FakeComputeDriver driver;

	ComputeApiClient alice;

	ComputeApiClient bob;

	/** An admin of a project that owns none of alice's servers: its lock is an admin's. */
	ComputeApiClient operator;

	String image;

	@BeforeEach
	void clients() {
		this.alice = new ComputeApiClient(this.http, "project-alice", "member");
		this.bob = new ComputeApiClient(this.http, "project-bob", "member");
		this.operator = new ComputeApiClient(this.http, "project-operator", "admin,member");
		this.image = ComputeImages.idOf("cirros-0.6.2-x86_64-disk");
	}

	@Test
	void pauseAndUnpauseFollowNovasStatesAt21And253() {
		for (ComputeApiClient user : List.of(this.alice, this.alice.at("2.53"))) {
			String id = activeServer(user, "paused");
			assertThat(action(user, id, Map.of("pause", Map.of())).getStatusCode().value()).isEqualTo(202);
			assertThat(user.awaitStatus(id, "PAUSED")).containsEntry("OS-EXT-STS:vm_state", "paused")
				.containsEntry("OS-EXT-STS:power_state", 3);
			assertThat(this.driver.getInfo(id).code()).isEqualTo(3);
			conflict(user, id, Map.of("pause", Map.of()), "Cannot 'pause' instance " + id + " while it is in vm_state paused");
			conflict(user, id, Map.of("resume", Map.of()),
					"Cannot 'resume' instance " + id + " while it is in vm_state paused");
			assertThat(action(user, id, Map.of("unpause", Map.of())).getStatusCode().value()).isEqualTo(202);
			assertThat(user.awaitStatus(id, "ACTIVE")).containsEntry("OS-EXT-STS:power_state", 1);
			conflict(user, id, Map.of("unpause", Map.of()),
					"Cannot 'unpause' instance " + id + " while it is in vm_state active");
			delete(user, id);
		}
	}

	@Test
	void suspendAndResumeKeepTheGuestSuspendedInBetween() {
		for (ComputeApiClient user : List.of(this.alice, this.alice.at("2.53"))) {
			String id = activeServer(user, "suspended");
			assertThat(action(user, id, Map.of("suspend", Map.of())).getStatusCode().value()).isEqualTo(202);
			assertThat(user.awaitStatus(id, "SUSPENDED")).containsEntry("OS-EXT-STS:vm_state", "suspended")
				.containsEntry("OS-EXT-STS:power_state", 7);
			conflict(user, id, Map.of("suspend", Map.of()),
					"Cannot 'suspend' instance " + id + " while it is in vm_state suspended");
			conflict(user, id, Map.of("unpause", Map.of()),
					"Cannot 'unpause' instance " + id + " while it is in vm_state suspended");
			assertThat(action(user, id, Map.of("resume", Map.of())).getStatusCode().value()).isEqualTo(202);
			user.awaitStatus(id, "ACTIVE");
			assertThat(this.driver.getConsoleOutput(id, 2)).contains("suspended").contains("resumed");
			delete(user, id);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void rebuildAnswersTheServerAndKeepsItsAddresses() {
		ComputeApiClient user = this.alice.at("2.53");
		String id = activeServer(user, "rebuilt");
		List<String> addresses = ComputeApiClient.addresses(user.server(id));
		ResponseEntity<Map<String, Object>> rebuilt = action(user, id, Map.of("rebuild",
				Map.of("imageRef", this.image, "name", "rebuilt-2", "description", "new life", "metadata",
						Map.of("role", "db"), "accessIPv4", "192.0.2.7")));
		assertThat(rebuilt.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> answer = (Map<String, Object>) rebuilt.getBody().get("server");
		assertThat(answer).containsEntry("id", id)
			.containsEntry("name", "rebuilt-2")
			.containsEntry("description", "new life")
			.containsEntry("locked", false)
			.containsKeys("addresses", "image", "flavor", "status", "OS-DCF:diskConfig")
			.doesNotContainKeys("OS-EXT-STS:vm_state", "OS-EXT-SRV-ATTR:host", "security_groups");
		assertThat(List.of("REBUILD", "ACTIVE")).contains((String) answer.get("status"));
		Map<String, Object> server = user.awaitStatus(id, "ACTIVE");
		assertThat(server).containsEntry("name", "rebuilt-2")
			.containsEntry("metadata", Map.of("role", "db"))
			.containsEntry("accessIPv4", "192.0.2.7");
		assertThat(ComputeApiClient.addresses(server)).isEqualTo(addresses);
		assertThat(this.driver.getConsoleOutput(id, 1)).contains("rebuilt");

		// a stopped server is rebuilt and stays stopped, as in Nova
		action(user, id, Map.of("os-stop", Map.of()));
		user.awaitStatus(id, "SHUTOFF");
		assertThat(action(user, id, Map.of("rebuild", Map.of("imageRef", this.image))).getStatusCode().value())
			.isEqualTo(202);
		assertThat(user.awaitStatus(id, "SHUTOFF")).containsEntry("OS-EXT-STS:power_state", 4);
		delete(user, id);
	}

	@Test
	void rebuildRefusesBadBodiesAndMissingImagesAndTheWrongState() {
		String id = activeServer(this.alice, "rebuild-bad");
		badRequest(this.alice, id, Map.of("rebuild", Map.of("name", "x")), "'imageRef' is a required property");
		badRequest(this.alice, id, Map.of("rebuild", Map.of("imageRef", "not-a-uuid")), "is not a 'uuid'");
		badRequest(this.alice, id, Map.of("rebuild", Map.of("imageRef", "8d7f1c6e-0c4b-4a39-9b8e-3f2b7c1f0a11")),
				"Cannot find image for rebuild");
		badRequest(this.alice, id, Map.of("rebuild", Map.of("imageRef", this.image, "flavorRef", "2")),
				"Additional properties are not allowed ('flavorRef' was unexpected)");
		// description is 2.19's
		badRequest(this.alice, id, Map.of("rebuild", Map.of("imageRef", this.image, "description", "d")),
				"('description' was unexpected)");
		badRequest(this.alice, id, Map.of("rebuild", Map.of("imageRef", this.image, "name", " padded ")),
				"An invalid 'name' value was provided");
		badRequest(this.alice, id, Map.of("rebuild", Map.of("imageRef", this.image, "accessIPv4", "10.0.0")),
				"is not a 'ipv4'");
		badRequest(this.alice, id, Map.of("rebuild", "now"), "It is not of type 'object'");
		assertThat(this.alice.server(id)).containsEntry("name", "rebuild-bad").containsEntry("status", "ACTIVE");

		action(this.alice, id, Map.of("pause", Map.of()));
		this.alice.awaitStatus(id, "PAUSED");
		conflict(this.alice, id, Map.of("rebuild", Map.of("imageRef", this.image)),
				"Cannot 'rebuild' instance " + id + " while it is in vm_state paused");
		delete(this.alice, id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void resizeWaitsForConfirmationAndConfirmKeepsTheNewFlavor() {
		ComputeApiClient user = this.alice.at("2.53");
		String id = activeServer(user, "resized");
		int memoryBefore = memoryMbUsed();
		assertThat(action(user, id, Map.of("resize", Map.of("flavorRef", "2"))).getStatusCode().value())
			.isEqualTo(202);
		Map<String, Object> resized = user.awaitStatus(id, "VERIFY_RESIZE");
		// until the confirm, the host holds both flavors (512 MB and 2048 MB), as Nova's placement does
		assertThat(memoryMbUsed()).isEqualTo(memoryBefore + 2048);
		assertThat(resized).containsEntry("OS-EXT-STS:vm_state", "resized").containsEntry("OS-EXT-STS:power_state", 1);
		assertThat((Map<String, Object>) resized.get("flavor")).containsEntry("original_name", "m1.small")
			.containsEntry("ram", 2048);
		assertThat(this.driver.size(id)).containsExactly(1, 2048);
		conflict(user, id, Map.of("resize", Map.of("flavorRef", "3")),
				"Cannot 'resize' instance " + id + " while it is in vm_state resized");

		assertThat(action(user, id, Map.of("confirmResize", Map.of())).getStatusCode().value()).isEqualTo(204);
		Map<String, Object> confirmed = user.awaitStatus(id, "ACTIVE");
		assertThat((Map<String, Object>) confirmed.get("flavor")).containsEntry("original_name", "m1.small");
		assertThat(memoryMbUsed()).isEqualTo(memoryBefore - 512 + 2048);
		conflict(user, id, Map.of("confirmResize", Map.of()),
				"Cannot 'confirmResize' instance " + id + " while it is in vm_state active");
		conflict(user, id, Map.of("revertResize", Map.of()),
				"Cannot 'revertResize' instance " + id + " while it is in vm_state active");
		delete(user, id);
	}

	@Test
	@SuppressWarnings("unchecked")
	void revertResizeGoesBackToTheOldFlavor() {
		String id = activeServer(this.alice, "reverted");
		action(this.alice, id, Map.of("resize", Map.of("flavorRef", "2")));
		assertThat((Map<String, Object>) this.alice.awaitStatus(id, "VERIFY_RESIZE").get("flavor")).containsEntry("id",
				"2");
		assertThat(action(this.alice, id, Map.of("revertResize", Map.of())).getStatusCode().value()).isEqualTo(202);
		Map<String, Object> reverted = this.alice.awaitStatus(id, "ACTIVE");
		assertThat((Map<String, Object>) reverted.get("flavor")).containsEntry("id", "1");
		assertThat(this.driver.size(id)).containsExactly(1, 512);
		delete(this.alice, id);
	}

	@Test
	void resizeOfAStoppedServerEndsStoppedAfterTheConfirm() {
		String id = activeServer(this.alice, "resized-stopped");
		action(this.alice, id, Map.of("os-stop", Map.of()));
		this.alice.awaitStatus(id, "SHUTOFF");
		action(this.alice, id, Map.of("resize", Map.of("flavorRef", "2")));
		assertThat(this.alice.awaitStatus(id, "VERIFY_RESIZE")).containsEntry("OS-EXT-STS:power_state", 4);
		action(this.alice, id, Map.of("confirmResize", Map.of()));
		this.alice.awaitStatus(id, "SHUTOFF");
		delete(this.alice, id);
	}

	@Test
	void resizeRefusesTheSameFlavorUnknownFlavorsAndBadBodies() {
		String id = activeServer(this.alice, "resize-bad");
		badRequest(this.alice, id, Map.of("resize", Map.of("flavorRef", "1")),
				"When resizing, instances must change flavor!");
		badRequest(this.alice, id, Map.of("resize", Map.of("flavorRef", "404")), "Flavor 404 could not be found.");
		badRequest(this.alice, id, Map.of("resize", Map.of()), "'flavorRef' is a required property");
		badRequest(this.alice, id, Map.of("resize", Map.of("flavorRef", "2", "size", 3)),
				"Additional properties are not allowed ('size' was unexpected)");
		assertThat(this.alice.server(id)).containsEntry("status", "ACTIVE");
		action(this.alice, id, Map.of("suspend", Map.of()));
		this.alice.awaitStatus(id, "SUSPENDED");
		conflict(this.alice, id, Map.of("resize", Map.of("flavorRef", "2")),
				"Cannot 'resize' instance " + id + " while it is in vm_state suspended");
		delete(this.alice, id);
	}

	@Test
	void aLockedServerRefusesItsMembersActionsButNotAnAdmin() {
		ComputeApiClient user = this.alice.at("2.53");
		String id = activeServer(user, "locked");
		assertThat(action(user, id, Map.of("lock", Map.of())).getStatusCode().value()).isEqualTo(202);
		assertThat(user.server(id)).containsEntry("locked", true);
		String locked = "Instance " + id + " is locked";
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("pause", Map.of()),
				Map.of("suspend", Map.of()), Map.of("reboot", Map.of("type", "HARD")), Map.of("os-stop", Map.of()),
				Map.of("resize", Map.of("flavorRef", "2")), Map.of("rebuild", Map.of("imageRef", this.image)),
				Map.of("forceDelete", Map.of()))) {
			conflict(user, id, body, locked);
		}
		ResponseEntity<Map<String, Object>> delete = user.delete("/v2.1/servers/" + id);
		assertThat(delete.getStatusCode().value()).isEqualTo(409);
		assertThat(delete.getBody()).containsEntry("conflictingRequest", Map.of("code", 409, "message", locked));
		// an admin is not held by the lock
		assertThat(action(user.asAdmin(), id, Map.of("pause", Map.of())).getStatusCode().value()).isEqualTo(202);
		user.awaitStatus(id, "PAUSED");
		assertThat(action(user, id, Map.of("unlock", Map.of())).getStatusCode().value()).isEqualTo(202);
		assertThat(user.server(id)).containsEntry("locked", false);
		assertThat(action(user, id, Map.of("unpause", Map.of())).getStatusCode().value()).isEqualTo(202);
		user.awaitStatus(id, "ACTIVE");
		delete(user, id);
	}

	@Test
	void anAdminsLockIsLiftedByAnAdminOnlyAndLockWorksAt21() {
		String id = activeServer(this.alice, "admin-locked");
		assertThat(action(this.operator, id, Map.of("lock", Map.of())).getStatusCode().value()).isEqualTo(202);
		// 2.1 has no "locked" field; the lock holds all the same
		assertThat(this.alice.server(id)).doesNotContainKey("locked");
		conflict(this.alice, id, Map.of("pause", Map.of()), "Instance " + id + " is locked");
		ResponseEntity<Map<String, Object>> unlock = action(this.alice, id, Map.of("unlock", Map.of()));
		assertThat(unlock.getStatusCode().value()).isEqualTo(403);
		assertThat(unlock.getBody()).containsKey("forbidden");
		assertThat(action(this.operator, id, Map.of("unlock", Map.of())).getStatusCode().value()).isEqualTo(202);
		assertThat(this.alice.at("2.9").server(id)).containsEntry("locked", false);
		delete(this.alice, id);
	}

	@Test
	void restoreNeedsASoftDeletedServerAndForceDeleteDeletesNow() {
		String id = activeServer(this.alice, "force-deleted");
		conflict(this.alice, id, Map.of("restore", Map.of()),
				"Cannot 'restore' instance " + id + " while it is in vm_state active");
		assertThat(action(this.alice, id, Map.of("forceDelete", Map.of())).getStatusCode().value()).isEqualTo(202);
		this.alice.awaitGone(id);
	}

	@Test
	void anotherProjectsServerIsNotFoundAndNothingChanges() {
		String id = activeServer(this.alice, "not-bobs");
		for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("pause", Map.of()),
				Map.of("lock", Map.of()), Map.of("resize", Map.of("flavorRef", "2")),
				Map.of("rebuild", Map.of("imageRef", this.image)), Map.of("forceDelete", Map.of()))) {
			ResponseEntity<Map<String, Object>> answer = action(this.bob, id, body);
			assertThat(answer.getStatusCode().value()).as("%s", body).isEqualTo(404);
			assertThat(answer.getBody()).containsKey("itemNotFound");
		}
		assertThat(this.alice.at("2.53").server(id)).containsEntry("status", "ACTIVE").containsEntry("locked", false);
		delete(this.alice, id);
	}

	@SuppressWarnings("unchecked")
	private int memoryMbUsed() {
		List<Map<String, Object>> hypervisors = (List<Map<String, Object>>) this.operator
			.get("/v2.1/os-hypervisors/detail")
			.getBody()
			.get("hypervisors");
		return ((Number) hypervisors.get(0).get("memory_mb_used")).intValue();
	}

	// booted by alice whatever the version asked later (2.37 needs "networks")
	private String activeServer(ComputeApiClient user, String name) {
		String id = this.alice.at("2.37").boot(name, "1", this.image, Map.of("networks", "auto"));
		user.awaitStatus(id, "ACTIVE");
		return id;
	}

	private static ResponseEntity<Map<String, Object>> action(ComputeApiClient user, String id, Map<String, Object> body) {
		return user.post("/v2.1/servers/" + id + "/action", body);
	}

	@SuppressWarnings("unchecked")
	private static void conflict(ComputeApiClient user, String id, Map<String, Object> body, String message) {
		ResponseEntity<Map<String, Object>> answer = action(user, id, body);
		assertThat(answer.getStatusCode().value()).as("%s", body).isEqualTo(409);
		assertThat((Map<String, Object>) answer.getBody().get("conflictingRequest")).as("%s", body)
			.containsEntry("message", message);
	}

	@SuppressWarnings("unchecked")
	private static void badRequest(ComputeApiClient user, String id, Map<String, Object> body, String message) {
		ResponseEntity<Map<String, Object>> answer = action(user, id, body);
		assertThat(answer.getStatusCode().value()).as("%s", body).isEqualTo(400);
		assertThat((String) ((Map<String, Object>) answer.getBody().get("badRequest")).get("message")).as("%s", body)
			.contains(message);
	}

	private static void delete(ComputeApiClient user, String id) {
		assertThat(user.delete("/v2.1/servers/" + id).getStatusCode().value()).isEqualTo(204);
		user.awaitGone(id);
	}

}
