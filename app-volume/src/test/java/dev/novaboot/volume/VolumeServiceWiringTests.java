package dev.novaboot.volume;

import java.util.Map;

import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.volume.driver.FileVolumeDriver;
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
 * nova-volume wired as it runs: registered as {@code nova-volume} on topic
 * {@code volume}, healthy with its default {@code file} driver, and saying so in info.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VolumeServiceWiringTests {

	@Autowired
	ServiceRecordRepository services;

	@Autowired
	HealthEndpoint health;

	@Autowired
	InfoEndpoint info;

	@Autowired
	VolumeManager manager;

	@Test
	void registersAsNovaVolumeOnTopicVolume() {
		assertRegistered(this.services, "test-host", "nova-volume", "volume");
	}

	@Test
	void healthyWithDatabaseServiceStateAndDriver() {
		assertHealthy(this.health);
	}

	@Test
	void infoNamesManagerAndDriver() {
		Map<String, Object> service = serviceInfo(this.info);
		assertThat(service).containsEntry("binary", "nova-volume").containsEntry("manager", VolumeManager.class.getName());
		assertThat(driversInfo(this.info)).containsEntry("FileVolumeDriver", "file");
		assertThat(this.manager.driver()).isInstanceOf(FileVolumeDriver.class);
	}

}
