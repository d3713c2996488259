package dev.novaboot.volume.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.ServiceRows;
import dev.novaboot.volume.VolumeAppTest;
import dev.novaboot.volume.manager.VolumeScheduler.NoValidHostException;
import dev.novaboot.volume.store.VolumeCapacity;
import dev.novaboot.volume.store.VolumeCapacityRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The scheduler picks the up, enabled volume host with the most free space that fits,
 * from the capacity reports; the API records an unschedulable volume in {@code error}
 * and refuses clearly when the chosen host is not reachable without RPC.
 */
@VolumeAppTest
class VolumeSchedulerTests {

	@Autowired
	VolumeScheduler scheduler;

	@Autowired
	CapacityReporter reporter;

	@Autowired
	VolumeCapacityRepository capacities;

	@Autowired
	SchedulerCandidates candidates;

	@Autowired
	ServiceRecordRepository services;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate http;

	ServiceRows rows;

	final List<ServiceRecord> added = new ArrayList<>();

	@BeforeEach
	void rows() {
		this.rows = new ServiceRows(this.services, this.clock, this.jdbc);
	}

	@AfterEach
	void removeOtherHosts() {
		for (ServiceRecord service : this.added) {
			this.jdbc.update("DELETE FROM services WHERE id = ?", service.getId());
			this.capacities.deleteById(service.getHost());
		}
		this.candidates.forget();
	}

	@Test
	void thisHostReportsItsCapacityAndIsChosenAlone() {
		CapacityReporter.Report report = this.reporter.report();

		assertThat(report.totalGb()).isEqualTo(500);
		assertThat(report.error()).isNull();
		VolumeCapacity row = this.capacities.findById("volume-test-host").orElseThrow();
		assertThat(row.getTotalGb()).isEqualTo(500);
		assertThat(row.getAllocatedGb()).isEqualTo(report.allocatedGb());
		assertThat(this.scheduler.selectHost(1, null)).isEqualTo("volume-test-host");
		assertThat(this.scheduler.selectHost(1, "nova")).isEqualTo("volume-test-host");
	}

	@Test
	void theUpEnabledHostWithTheMostFreeSpaceWins() {
		this.reporter.report();
		host("sched-big", Duration.ofSeconds(1), 100_000);
		host("sched-down", Duration.ofMinutes(10), 900_000);
		ServiceRecord disabled = host("sched-disabled", Duration.ofSeconds(1), 800_000);
		this.rows.set(disabled, "disabled", true);
		this.added.add(this.rows.service("sched-silent", "nova-volume", "volume", Duration.ofSeconds(1)));

		assertThat(this.scheduler.selectHost(10, null)).isEqualTo("sched-big");
		assertThat(this.scheduler.selectHost(100_000, null)).isEqualTo("sched-big");
		assertThatThrownBy(() -> this.scheduler.selectHost(100_001, null)).isInstanceOf(NoValidHostException.class)
			.hasMessageContaining("No valid host was found")
			.hasMessageContaining("100001 GiB free");
		assertThatThrownBy(() -> this.scheduler.selectHost(1, "mars")).isInstanceOf(NoValidHostException.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aVolumeNoHostCanTakeIsRecordedInErrorWithTheReason() {
		ResponseEntity<Map<String, Object>> created = post(Map.of("volume", Map.of("size", 1_000_000)));

		assertThat(created.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> volume = (Map<String, Object>) created.getBody().get("volume");
		assertThat(volume).containsEntry("status", "error").doesNotContainKey("status_reason");
		String id = (String) volume.get("id");
		// the reason is kept in the row, not shown: Cinder's volume has no such key
		assertThat(this.jdbc.queryForObject("SELECT status_reason FROM volumes WHERE id = ?", String.class, id))
			.contains("No valid host was found");
		assertThat(exchange(HttpMethod.DELETE, "/v3/project-s/volumes/" + id, null).getStatusCode().value())
			.isEqualTo(202);
		assertThat(exchange(HttpMethod.GET, "/v3/project-s/volumes/" + id, null).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aHostOtherThanThisOneIsRefusedClearlyWithoutRpc() {
		host("sched-elsewhere", Duration.ofSeconds(1), 10_000_000);

		ResponseEntity<Map<String, Object>> created = post(Map.of("volume", Map.of("size", 1)));

		assertThat(created.getStatusCode().value()).isEqualTo(503);
		assertThat((Map<String, Object>) created.getBody().get("serviceUnavailable"))
			.containsEntry("code", 503)
			.satisfies((fault) -> assertThat((String) fault.get("message")).contains("sched-elsewhere"));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volumes WHERE host = 'sched-elsewhere'", Integer.class))
			.isZero();
	}

	private ServiceRecord host(String name, Duration heartbeatAge, long freeGb) {
		ServiceRecord service = this.rows.service(name, "nova-volume", "volume", heartbeatAge);
		this.added.add(service);
		VolumeCapacity capacity = new VolumeCapacity(name);
		capacity.update(freeGb * 2, freeGb, 0, 0, Instant.now());
		this.capacities.save(capacity);
		// another host's rows, written behind this app's back: its scheduler would see them
		// within nova.volume.scheduler-cache-ttl; the tests read them at once
		this.candidates.forget();
		return service;
	}

	private ResponseEntity<Map<String, Object>> post(Object body) {
		return exchange(HttpMethod.POST, "/v3/project-s/volumes", body);
	}

	private ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Project-Id", "project-s");
		headers.set("X-User-Id", "sam");
		headers.set("X-Roles", "member");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.exchange(path, method, new HttpEntity<>(body, headers),
				new ParameterizedTypeReference<Map<String, Object>>() {
				});
	}

}
