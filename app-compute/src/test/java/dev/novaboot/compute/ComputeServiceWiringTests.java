package dev.novaboot.compute;

import java.util.Map;

import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-compute wired as it runs: registered as {@code nova-compute} on topic
 * {@code compute}, with the fake driver by default.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ComputeServiceWiringTests {

	@Autowired
	ServiceRecordRepository services;

	@Autowired
	HealthEndpoint health;

	@Autowired
	InfoEndpoint info;

	@Test
	void registersAsNovaComputeOnTopicCompute() {
		ServiceRecord record = this.services.findLive("test-host", "nova-compute").orElseThrow();
		assertThat(record.getTopic()).isEqualTo("compute");
	}

	@Test
	void healthyWithDatabaseServiceStateAndDriver() {
		assertThat(this.health.healthForPath("db").getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.healthForPath("serviceState").getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.healthForPath("driver").getStatus()).isEqualTo(Status.UP);
	}

	@Test
	@SuppressWarnings("unchecked")
	void infoNamesManagerAndDriver() {
		Map<String, Object> service = (Map<String, Object>) this.info.info().get("service");
		assertThat(service).containsEntry("binary", "nova-compute").containsEntry("manager", ComputeManager.class.getName());
		assertThat((Map<String, String>) service.get("drivers")).containsEntry("FakeComputeDriver", "fake");
	}

}
