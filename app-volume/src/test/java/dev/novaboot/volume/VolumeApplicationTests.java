package dev.novaboot.volume;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app: it registers as the {@code volume} service, reports its driver and its
 * capacity in health, lists its periodic tasks, and owns its tables.
 */
@VolumeAppTest
class VolumeApplicationTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@SuppressWarnings("unchecked")
	void healthShowsTheDriverAndTheCapacityReport() {
		ResponseEntity<Map<String, Object>> health = this.http.exchange("/actuator/health", HttpMethod.GET, null,
				new ParameterizedTypeReference<Map<String, Object>>() {
				});

		assertThat(health.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
		assertThat(components).containsKeys("db", "serviceState", "driver", "volumeCapacity");
		Map<String, Object> capacity = (Map<String, Object>) components.get("volumeCapacity");
		assertThat(capacity).containsEntry("status", "UP");
		assertThat((Map<String, Object>) capacity.get("details")).containsEntry("totalGb", 500)
			.containsKeys("freeGb", "allocatedGb", "volumeCount", "reportedAt");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theCapacityReportIsAPeriodicTask() {
		Map<String, Object> tasks = this.http.getForObject("/actuator/scheduledtasks", Map.class);
		assertThat(tasks.toString()).contains("CapacityReporter.report");
	}

	@Test
	void registersAsTheVolumeServiceAndOwnsItsTables() {
		assertThat(this.jdbc.queryForList("SELECT topic FROM services WHERE host = 'volume-test-host'", String.class))
			.contains("volume");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volume_capacities WHERE host = 'volume-test-host'",
				Integer.class))
			.isEqualTo(1);
	}

}
