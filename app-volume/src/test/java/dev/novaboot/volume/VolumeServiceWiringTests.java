package dev.novaboot.volume;

import java.util.Map;

import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.volume.driver.FileVolumeDriver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

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
		ServiceRecord record = this.services.findLive("test-host", "nova-volume").orElseThrow();
		assertThat(record.getTopic()).isEqualTo("volume");
		assertThat(record.getRpcEndpoint()).startsWith("http://test-host:");
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
		assertThat(service).containsEntry("binary", "nova-volume").containsEntry("manager", VolumeManager.class.getName());
		assertThat((Map<String, String>) service.get("drivers")).containsEntry("FileVolumeDriver", "file");
		assertThat(this.manager.driver()).isInstanceOf(FileVolumeDriver.class);
	}

}
