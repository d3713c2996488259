package dev.novaboot.compute;

import java.util.Map;

import dev.novaboot.compute.manager.ComputeManager;
import dev.novaboot.service.record.ServiceRecordRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.novaboot.service.testsupport.ServiceWiring.assertHealthy;
import static dev.novaboot.service.testsupport.ServiceWiring.assertRegistered;
import static dev.novaboot.service.testsupport.ServiceWiring.driversInfo;
import static dev.novaboot.service.testsupport.ServiceWiring.serviceInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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

	@Autowired
	ScheduledTasksEndpoint scheduledTasks;

	@Test
	void registersAsNovaComputeOnTopicCompute() {
		assertRegistered(this.services, "test-host", "nova-compute", "compute");
	}

	@Test
	void healthyWithDatabaseServiceStateAndDriver() {
		assertHealthy(this.health);
	}

	@Test
	void infoNamesManagerAndDriver() {
		Map<String, Object> service = serviceInfo(this.info);
		assertThat(service).containsEntry("binary", "nova-compute").containsEntry("manager", ComputeManager.class.getName());
		assertThat(driversInfo(this.info)).containsEntry("FakeComputeDriver", "fake");
	}

	@Test
	void periodicTasksRunEveryIntervalAndShowInScheduledTasks() {
		assertThat(this.scheduledTasks.scheduledTasks().getFixedDelay())
			.filteredOn((task) -> task.getRunnable().getTarget().startsWith(ComputeManager.class.getName()))
			.extracting((task) -> task.getRunnable().getTarget(),
					(task) -> ((ScheduledTasksEndpoint.IntervalTaskDescriptor) task).getInterval(),
					(task) -> ((ScheduledTasksEndpoint.IntervalTaskDescriptor) task).getInitialDelay())
			.containsExactlyInAnyOrder(tuple(ComputeManager.class.getName() + ".syncPowerStates", 60_000L, 60_000L),
					tuple(ComputeManager.class.getName() + ".updateAvailableResources", 60_000L, 60_000L),
					tuple(ComputeManager.class.getName() + ".failBuildsOfDeadHosts", 60_000L, 60_000L));
	}

}
