package dev.novaboot.network;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import dev.novaboot.network.manager.FlatManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app with its defaults: schema migrated and validated, the flat strategy with
 * the noop driver, registered as nova-network, healthy, and describing itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class NetworkApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void migratesItsOwnSchemaToItsLatestMigration() throws IOException {
		int latest = Arrays
			.stream(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/network/V*__*.sql"))
			.map(Resource::getFilename)
			.mapToInt((name) -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
			.max()
			.orElseThrow();
		assertThat(this.jdbc.queryForObject(
				"SELECT max(CAST(\"version\" AS INTEGER)) FROM \"flyway_history_network\" WHERE \"success\"",
				Integer.class))
			.isEqualTo(latest);
	}

	@Test
	void isHealthyWithItsDriver() {
		ResponseEntity<Map<String, Object>> health = this.http.exchange("/actuator/health/readiness", HttpMethod.GET,
				null, JSON);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).containsEntry("status", "UP");
		assertThat(health.getBody().get("components").toString()).contains("driver").contains("serviceState");
	}

	@Test
	@SuppressWarnings("unchecked")
	void describesItsStrategyAndDriver() {
		Map<String, Object> info = this.http.exchange("/actuator/info", HttpMethod.GET, null, JSON).getBody();
		Map<String, Object> service = (Map<String, Object>) info.get("service");
		assertThat(service).containsEntry("binary", "nova-network").containsEntry("topic", "network");
		assertThat(service).containsEntry("manager", FlatManager.class.getName());
		assertThat((Map<String, Object>) service.get("drivers")).containsEntry("NoopNetworkDriver", "noop");
	}

	@Test
	void theReleaseOfVanishedInstancesIsAPeriodicTask() {
		Map<String, Object> tasks = this.http.exchange("/actuator/scheduledtasks", HttpMethod.GET, null, JSON).getBody();
		// nova.network.release.interval=1h in the tests; the first run waits one interval
		assertThat(tasks.get("fixedDelay").toString())
			.contains("initialDelay=3600000, interval=3600000, nextExecution=")
			.contains("NetworkManager.releaseVanishedInstances");
	}

	@Test
	void listsItselfAmongTheServices() {
		Map<String, Object> services = this.http.exchange("/v2.1/os-services?binary=nova-network", HttpMethod.GET,
				null, JSON).getBody();
		assertThat(services.get("services").toString()).contains("network-test-host");
	}

}
