package dev.novaboot.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.novaboot.sample.SampleManager;
import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.AuthTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service's life as the starter runs it: {@code initHost()}, registration, heartbeats,
 * periodic tasks, health and info.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServiceLifecycleTests {

	@Autowired
	ServiceRecordRepository services;

	@Autowired
	SampleManager manager;

	@Autowired
	DatabaseClock clock;

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	@BeforeEach
	void admin() {
		// health details and the other actuator endpoints are for admins
		this.http = AuthTestSupport.asAdmin(this.http);
	}

	@Test
	void initHostRunsOnceBeforeTheServiceRegistersItself() {
		// Spring pauses cached test contexts (stop) and resumes them (start) between test
		// classes: initHost must still have run once only
		assertThat(this.manager.initHostRuns()).isEqualTo(1);
		assertThat(this.manager.registeredBeforeInitHost()).isFalse();
		assertThat(this.services.findLive("test-host", "nova-sample")).isPresent();
	}

	@Test
	void registeredRowCarriesIdentityAndRpcEndpoint() {
		ServiceRecord record = this.services.findLive("test-host", "nova-sample").orElseThrow();
		assertThat(record.getTopic()).isEqualTo("sample");
		assertThat(record.getZone()).isEqualTo("nova");
		assertThat(record.getUuid()).hasSize(36);
		assertThat(record.getRpcEndpoint()).isEqualTo("http://test-host:" + this.port);
		assertThat(record.isDisabled()).isFalse();
	}

	@Test
	void heartbeatIncrementsReportCountWithTheDatabaseClock() {
		long before = this.services.findLive("test-host", "nova-sample").orElseThrow().getReportCount();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.services.findLive("test-host", "nova-sample").orElseThrow().getReportCount() >= before + 2);
		ServiceRecord record = this.services.findLive("test-host", "nova-sample").orElseThrow();
		Instant databaseNow = this.clock.now();
		assertThat(record.getLastSeenUp()).isBetween(databaseNow.minusSeconds(2), databaseNow);
		assertThat(record.getUpdatedAt()).isEqualTo(record.getLastSeenUp());
	}

	@Test
	void failingPeriodicTaskNeitherStopsItselfNorTheOthers() {
		int failing = this.manager.failingRuns();
		int working = this.manager.workingRuns();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.manager.failingRuns() > failing + 2 && this.manager.workingRuns() > working + 2);
	}

	@Test
	void scheduledTasksEndpointShowsTheLastOutcomeOfEachPeriodicTask() {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Map<String, List<Map<String, Object>>> tasks = this.http.exchange("/actuator/scheduledtasks",
					HttpMethod.GET, null, new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() {
					})
				.getBody();
			assertThat(lastStatusOf(tasks, "SampleManager.failingTask")).isEqualTo("ERROR");
			assertThat(lastStatusOf(tasks, "SampleManager.workingTask")).isEqualTo("SUCCESS");
			assertThat(lastStatusOf(tasks, "Heartbeat.reportState")).isEqualTo("SUCCESS");
		});
	}

	@SuppressWarnings("unchecked")
	private static Object lastStatusOf(Map<String, List<Map<String, Object>>> tasks, String method) {
		return tasks.get("fixedDelay")
			.stream()
			.filter((task) -> ((Map<String, Object>) task.get("runnable")).get("target").toString().endsWith(method))
			.map((task) -> ((Map<String, Object>) task.get("lastExecution")).get("status"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no scheduled task " + method + " in " + tasks));
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthShowsDatabaseServiceStateAndDriver() {
		Map<String, Object> health = this.http.getForObject("/actuator/health", Map.class);
		assertThat(health).containsEntry("status", "UP");
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
		assertThat(components).containsKeys("db", "serviceState", "driver");
		assertThat(components.get("serviceState")).containsEntry("status", "UP");
		assertThat((Map<String, Object>) components.get("serviceState").get("details"))
			.containsEntry("binary", "nova-sample")
			.containsEntry("host", "test-host");
		Map<String, Object> readiness = this.http.getForObject("/actuator/health/readiness", Map.class);
		assertThat((Map<String, Object>) readiness.get("components")).containsKeys("db", "serviceState", "driver");
		Map<String, Object> liveness = this.http.getForObject("/actuator/health/liveness", Map.class);
		assertThat(liveness).containsEntry("status", "UP");
		assertThat((Map<String, Object>) liveness.get("components")).containsOnlyKeys("livenessState");
	}

	@Test
	@SuppressWarnings("unchecked")
	void infoNamesBinaryHostManagerAndDriver() {
		Map<String, Object> info = this.http.getForObject("/actuator/info", Map.class);
		Map<String, Object> service = (Map<String, Object>) info.get("service");
		assertThat(service).containsEntry("binary", "nova-sample")
			.containsEntry("host", "test-host")
			.containsEntry("manager", SampleManager.class.getName());
		assertThat((Map<String, Object>) service.get("drivers")).containsValue("alpha");
	}

}
