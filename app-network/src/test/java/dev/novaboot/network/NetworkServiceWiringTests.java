package dev.novaboot.network;

import java.util.Map;

import dev.novaboot.network.manager.FlatManager;
import dev.novaboot.service.record.ServiceRecordRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.novaboot.service.testsupport.ServiceWiring.assertHealthy;
import static dev.novaboot.service.testsupport.ServiceWiring.assertRegistered;
import static dev.novaboot.service.testsupport.ServiceWiring.driversInfo;
import static dev.novaboot.service.testsupport.ServiceWiring.serviceInfo;
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
		assertRegistered(this.services, "test-host", "nova-network", "network");
	}

	@Test
	void healthyWithDatabaseServiceStateAndDriver() {
		assertHealthy(this.health);
	}

	@Test
	void infoNamesTheFlatManagerAndTheNoopDriver() {
		Map<String, Object> service = serviceInfo(this.info);
		assertThat(service).containsEntry("binary", "nova-network").containsEntry("manager", FlatManager.class.getName());
		assertThat(driversInfo(this.info)).containsValue("noop");
	}

}
