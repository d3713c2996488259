package dev.novaboot.compute.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Usage as Nova's os-simple-tenant-usage reports it: each server's hours in the period,
 * deleted servers for the time they lived, per-project sums, admins' view of every project
 * and a project's of its own, and 400 for a bad period.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SimpleTenantUsageApiTests {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final String PROJECT = "project-usage";

	@Autowired
	TestRestTemplate http;

	ComputeApiClient member;

	ComputeApiClient admin;

	@BeforeEach
	void clients() {
		this.member = new ComputeApiClient(this.http, PROJECT, "member");
		this.admin = new ComputeApiClient(this.http, "project-usage-admin", "admin");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aProjectsServersAreReportedWithTheirHoursAndADeletedOneAsTerminated() {
		String start = FORMAT.format(Instant.now().minus(1, ChronoUnit.HOURS));
		String kept = this.member.at("2.37").boot("usage-kept", "1", image(), Map.of("networks", "none"));
		String gone = this.member.at("2.37").boot("usage-gone", "2", image(), Map.of("networks", "none"));
		this.member.awaitStatus(kept, "ACTIVE");
		this.member.awaitStatus(gone, "ACTIVE");
		this.member.delete("/v2.1/servers/" + gone);
		this.member.awaitGone(gone);
		try {
			Map<String, Object> usage = (Map<String, Object>) this.member
				.get("/v2.1/os-simple-tenant-usage/" + PROJECT + "?start=" + start)
				.getBody()
				.get("tenant_usage");
			assertThat(usage).containsEntry("tenant_id", PROJECT)
				.containsKeys("total_hours", "total_vcpus_usage", "total_memory_mb_usage", "total_local_gb_usage",
						"start", "stop");
			List<Map<String, Object>> servers = (List<Map<String, Object>>) usage.get("server_usages");
			Map<String, Object> keptUsage = server(servers, kept);
			assertThat(keptUsage).containsEntry("name", "usage-kept")
				.containsEntry("flavor", "m1.tiny")
				.containsEntry("vcpus", 1)
				.containsEntry("memory_mb", 512)
				.containsEntry("local_gb", 1)
				.containsEntry("state", "active")
				.containsEntry("ended_at", null);
			assertThat((Double) keptUsage.get("hours")).isPositive().isLessThan(1.0);
			Map<String, Object> goneUsage = server(servers, gone);
			assertThat(goneUsage).containsEntry("state", "terminated").containsEntry("flavor", "m1.small");
			assertThat((String) goneUsage.get("ended_at")).isNotNull();
			assertThat((Double) usage.get("total_hours"))
				.isCloseTo((Double) keptUsage.get("hours") + (Double) goneUsage.get("hours"),
						org.assertj.core.data.Offset.offset(1e-6));

			// a period that ended before they were made holds none of them
			Map<String, Object> before = (Map<String, Object>) this.member
				.get("/v2.1/os-simple-tenant-usage/" + PROJECT + "?start=2020-01-01T00:00:00&end=2020-01-02T00:00:00")
				.getBody()
				.get("tenant_usage");
			assertThat(before).isEmpty();

			List<Map<String, Object>> all = (List<Map<String, Object>>) this.admin
				.get("/v2.1/os-simple-tenant-usage?detailed=1&start=" + start)
				.getBody()
				.get("tenant_usages");
			assertThat(all).anySatisfy((project) -> assertThat(project).containsEntry("tenant_id", PROJECT)
				.containsKey("server_usages"));
			List<Map<String, Object>> summary = (List<Map<String, Object>>) this.admin
				.get("/v2.1/os-simple-tenant-usage?start=" + start)
				.getBody()
				.get("tenant_usages");
			assertThat(summary).allSatisfy((project) -> assertThat(project).doesNotContainKey("server_usages"));

			ResponseEntity<Map<String, Object>> page = this.member.at("2.40")
				.get("/v2.1/os-simple-tenant-usage/" + PROJECT + "?limit=1&start=" + start);
			assertThat((List<Object>) ((Map<String, Object>) page.getBody().get("tenant_usage")).get("server_usages"))
				.hasSize(1);
			assertThat(page.getBody().get("tenant_usage_links").toString()).contains("marker=");
		}
		finally {
			this.member.delete("/v2.1/servers/" + kept);
			this.member.awaitGone(kept);
		}
	}

	@Test
	void everyProjectsUsageIsAnAdminsAndBadPeriodsAre400() {
		assertFault(this.member.get("/v2.1/os-simple-tenant-usage"), 403,
				"Policy doesn't allow os_compute_api:os-simple-tenant-usage:list to be performed.");
		assertFault(this.member.get("/v2.1/os-simple-tenant-usage/another-project"), 403,
				"os-simple-tenant-usage:show");
		assertFault(this.member.get("/v2.1/os-simple-tenant-usage/" + PROJECT + "?start=yesterday"), 400,
				"Invalid datetime string: Datetime is in invalid format");
		assertFault(this.member.get("/v2.1/os-simple-tenant-usage/" + PROJECT
				+ "?start=2020-01-02T00:00:00&end=2020-01-01T00:00:00"), 400,
				"Invalid start time. The start time cannot occur after the end time.");
		assertFault(this.member.at("2.40").get("/v2.1/os-simple-tenant-usage/" + PROJECT
				+ "?start=2020-01-01T00:00:00&marker=4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b"), 400, "could not be found");
	}

	private static Map<String, Object> server(List<Map<String, Object>> servers, String id) {
		return servers.stream()
			.filter((server) -> id.equals(server.get("instance_id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(id + " not in " + servers));
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
