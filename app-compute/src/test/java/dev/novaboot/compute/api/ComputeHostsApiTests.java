package dev.novaboot.compute.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.compute.store.MigrationRepository;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.record.ServiceRegistrar;

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
 * What users and operators learn of the compute hosts: the availability zones (users see
 * where they may boot, admins every host's services), and the hypervisors' statistics,
 * search and servers routes of the microversions before 2.53; a host kept while it holds
 * servers or migrations; and the two server
 * sub-resources Nova keeps for old clients (os-server-password, os-virtual-interfaces).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ComputeHostsApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ServiceRegistrar registrar;

	@Autowired
	MigrationRepository migrations;

	ComputeApiClient member;

	ComputeApiClient admin;

	@BeforeEach
	void clients() {
		this.member = new ComputeApiClient(this.http, "project-hosts", "member");
		this.admin = new ComputeApiClient(this.http, "project-hosts", "admin");
	}

	@Test
	@SuppressWarnings("unchecked")
	void usersSeeTheZonesTheyMayBootIntoWithoutTheirHosts() {
		ResponseEntity<Map<String, Object>> response = this.member.get("/v2.1/os-availability-zone");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		List<Map<String, Object>> zones = (List<Map<String, Object>>) response.getBody().get("availabilityZoneInfo");
		assertThat(zones).extracting((zone) -> zone.get("zoneName")).containsExactly("nova");
		assertThat(zones.get(0)).containsEntry("zoneState", Map.of("available", true)).containsEntry("hosts", null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void adminsSeeEachZonesHostsAndTheirServicesStates() {
		ResponseEntity<Map<String, Object>> response = this.admin.get("/v2.1/os-availability-zone/detail");

		List<Map<String, Object>> zones = (List<Map<String, Object>>) response.getBody().get("availabilityZoneInfo");
		Map<String, Object> nova = zones.stream()
			.filter((zone) -> "nova".equals(zone.get("zoneName")))
			.findFirst()
			.orElseThrow();
		Map<String, Object> service = ((Map<String, Map<String, Map<String, Object>>>) nova.get("hosts"))
			.get("test-host")
			.get("nova-compute");
		assertThat(service).containsEntry("available", true).containsEntry("active", true);
		assertThat((String) service.get("updated_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
		assertFault(this.member.get("/v2.1/os-availability-zone/detail"), 403,
				"Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void hypervisorStatisticsAreTheSumsOverTheEnabledHypervisors() {
		List<Map<String, Object>> hypervisors = (List<Map<String, Object>>) this.admin.get("/v2.1/os-hypervisors/detail")
			.getBody()
			.get("hypervisors");
		Map<String, Object> statistics = (Map<String, Object>) this.admin.get("/v2.1/os-hypervisors/statistics")
			.getBody()
			.get("hypervisor_statistics");

		assertThat(statistics).containsOnlyKeys("count", "vcpus", "memory_mb", "local_gb", "vcpus_used",
				"memory_mb_used", "local_gb_used", "free_ram_mb", "free_disk_gb", "current_workload", "running_vms",
				"disk_available_least");
		assertThat(statistics).containsEntry("count", hypervisors.size());
		for (String field : List.of("vcpus", "memory_mb", "local_gb", "vcpus_used", "memory_mb_used", "running_vms")) {
			assertThat(((Number) statistics.get(field)).longValue()).as(field)
				.isEqualTo(hypervisors.stream().mapToLong((node) -> ((Number) node.get(field)).longValue()).sum());
		}
		assertFault(this.member.get("/v2.1/os-hypervisors/statistics"), 403,
				"Policy doesn't allow os_compute_api:os-hypervisors:statistics to be performed.");
	}

	@Test
	@SuppressWarnings("unchecked")
	void hypervisorSearchAndServersRoutesAnswerBefore253AndAreGoneFrom253() {
		String serverId = this.member.at("2.37").boot("hosts-vm", "1", image(), Map.of("networks", "none"));
		try {
			this.member.awaitStatus(serverId, "ACTIVE");
			List<Map<String, Object>> found = (List<Map<String, Object>>) this.admin
				.get("/v2.1/os-hypervisors/test-ho/search")
				.getBody()
				.get("hypervisors");
			assertThat(found).singleElement()
				.satisfies((node) -> assertThat(node).containsOnlyKeys("id", "hypervisor_hostname", "state", "status")
					.containsEntry("hypervisor_hostname", "test-host"));

			List<Map<String, Object>> withServers = (List<Map<String, Object>>) this.admin
				.get("/v2.1/os-hypervisors/test-ho/servers")
				.getBody()
				.get("hypervisors");
			assertThat((List<Map<String, Object>>) withServers.get(0).get("servers"))
				.contains(Map.of("name", "hosts-vm", "uuid", serverId));

			assertFault(this.admin.get("/v2.1/os-hypervisors/nowhere/search"), 404,
					"No hypervisor matching 'nowhere' could be found.");
			assertFault(this.admin.get("/v2.1/os-hypervisors/nowhere/servers"), 404,
					"No hypervisor matching 'nowhere' could be found.");
			assertThat(this.admin.at("2.53").get("/v2.1/os-hypervisors/test-ho/search").getStatusCode().value())
				.isEqualTo(404);
			assertThat(this.admin.at("2.53").get("/v2.1/os-hypervisors/test-ho/servers").getStatusCode().value())
				.isEqualTo(404);
		}
		finally {
			this.member.delete("/v2.1/servers/" + serverId);
			this.member.awaitGone(serverId);
		}
	}

	@Test
	void aServersPasswordIsEmptyAndItsVirtualInterfacesAreGoneAsInNova() {
		String serverId = this.member.at("2.37").boot("password-vm", "1", image(), Map.of("networks", "none"));
		try {
			assertThat(this.member.get("/v2.1/servers/" + serverId + "/os-server-password").getBody())
				.containsExactly(Map.entry("password", ""));
			assertThat(this.member.delete("/v2.1/servers/" + serverId + "/os-server-password").getStatusCode().value())
				.isEqualTo(204);
			assertFault(this.member.get("/v2.1/servers/" + serverId + "/os-virtual-interfaces"), 410,
					"This resource is no longer available.");
			ComputeApiClient stranger = new ComputeApiClient(this.http, "project-hosts-other", "member");
			assertThat(stranger.get("/v2.1/servers/" + serverId + "/os-server-password").getStatusCode().value())
				.isEqualTo(404);
			assertThat(this.member.get("/v2.1/servers/4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b/os-server-password")
				.getStatusCode()
				.value()).isEqualTo(404);
		}
		finally {
			this.member.delete("/v2.1/servers/" + serverId);
			this.member.awaitGone(serverId);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void aComputeHostIsNotDeletedWhileItHoldsServersOrTakesPartInAMigration() {
		ComputeApiClient admin = this.admin.at("2.53");
		String serverId = this.member.at("2.37").boot("holding-vm", "1", image(), Map.of("networks", "none"));
		try {
			this.member.awaitStatus(serverId, "ACTIVE");
			String ownService = serviceId(admin, "test-host");
			assertFault(admin.delete("/v2.1/os-services/" + ownService), 409,
					"Unable to delete compute service that is hosting instances. Migrate or delete the instances first.");
			assertThat(admin.delete("/v2.1/os-services/" + ownService).getBody()).containsKey("conflictingRequest");
			assertThat(serviceId(admin, "test-host")).isEqualTo(ownService);
		}
		finally {
			this.member.delete("/v2.1/servers/" + serverId);
			this.member.awaitGone(serverId);
		}

		// a host that holds no server but is the destination of a migration not yet ended
		this.registrar.register(new ServiceIdentity("draining-host", "nova-compute", "compute", "nova"), null);
		MigrationRecord migration = this.migrations.save(new MigrationRecord(UUID.randomUUID().toString(),
				UUID.randomUUID().toString(), "migration", "finished", "test-host", "draining-host", "1",
				"project-hosts", "user", Instant.now()));
		String draining = serviceId(admin, "draining-host");
		assertFault(admin.delete("/v2.1/os-services/" + draining), 409,
				"Unable to delete compute service that has in-progress migrations.");

		migration.setStatus("confirmed", Instant.now());
		this.migrations.save(migration);
		assertThat(admin.delete("/v2.1/os-services/" + draining).getStatusCode().value()).isEqualTo(204);
		assertThat((List<Object>) admin.get("/v2.1/os-services?host=draining-host").getBody().get("services"))
			.isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static String serviceId(ComputeApiClient admin, String host) {
		List<Map<String, Object>> services = (List<Map<String, Object>>) admin
			.get("/v2.1/os-services?binary=nova-compute&host=" + host)
			.getBody()
			.get("services");
		assertThat(services).hasSize(1);
		return (String) services.get(0).get("id");
	}

	@SuppressWarnings("unchecked")
	private String image() {
		return (String) ((List<Map<String, Object>>) this.member.get("/image/v2/images").getBody().get("images")).get(0)
			.get("id");
	}

	@SuppressWarnings("unchecked")
	private static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> fault = (Map<String, Object>) response.getBody().values().iterator().next();
		assertThat(fault).containsEntry("code", status);
		assertThat((String) fault.get("message")).contains(message);
	}

}
