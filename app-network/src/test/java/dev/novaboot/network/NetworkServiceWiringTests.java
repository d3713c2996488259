package dev.novaboot.network;

import java.util.Map;

import dev.novaboot.network.manager.FlatManager;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-network wired as it runs: registered as {@code nova-network} on topic
 * {@code network}, with the flat strategy and the noop driver by default.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NetworkServiceWiringTests {

	@Autowired
	ServiceRecordRepository services;

	@Autowired
	HealthEndpoint health;

	@Autowired
	InfoEndpoint info;

	@Test
	void registersAsNovaNetworkOnTopicNetwork() {
		ServiceRecord record = this.services.findLive("test-host", "nova-network").orElseThrow();
		assertThat(record.getTopic()).isEqualTo("network");
	}

	@Test
	void healthyWithDatabaseServiceStateAndDriver() {
		assertThat(this.health.healthForPath("db").getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.healthForPath("serviceState").getStatus()).isEqualTo(Status.UP);
		assertThat(this.health.healthForPath("driver").getStatus()).isEqualTo(Status.UP);
	}

	@Test
	@SuppressWarnings("unchecked")
	void infoNamesTheFlatManagerAndTheNoopDriver() {
		Map<String, Object> service = (Map<String, Object>) this.info.info().get("service");
		assertThat(service).containsEntry("binary", "nova-network").containsEntry("manager", FlatManager.class.getName());
		assertThat((Map<String, String>) service.get("drivers")).containsValue("noop");
	}

}
