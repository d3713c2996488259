package dev.novaboot.compute.manager;

import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Transitions recorded in {@code instances}: an illegal action changes nothing, a late
 * spawn does not overwrite a delete, a failure records its fault.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class InstanceStatesTests {

	@Autowired
	InstanceStates states;

	@Autowired
	InstanceRepository instances;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void rebootWhileBuildingIsRefusedAndChangesNothing() {
		Instance instance = building("reboot-while-building");
		assertThatExceptionOfType(InstanceInvalidStateException.class)
			.isThrownBy(() -> this.states.begin(instance.getUuid(), InstanceAction.REBOOT_SOFT))
			.withMessage("Cannot 'reboot' instance " + instance.getUuid() + " while it is in vm_state building");
		Instance after = this.instances.findLive(instance.getUuid()).orElseThrow();
		assertThat(after.getVmState()).isEqualTo(VmState.BUILDING);
		assertThat(after.getTaskState()).isNull();
		assertThat(after.getUpdatedAt()).isEqualTo(instance.getUpdatedAt());
		this.states.deleted(instance.getUuid());
	}

	@Test
	void aSpawnThatEndsAfterADeleteBeganDoesNotMakeItActive() {
		Instance instance = building("deleted-while-spawning");
		assertThat(this.states.spawning(instance.getUuid())).isTrue();
		assertThat(this.states.begin(instance.getUuid(), InstanceAction.DELETE)).isTrue();
		assertThat(this.states.spawned(instance.getUuid(), PowerState.RUNNING)).isFalse();
		assertThat(this.states.fail(instance.getUuid(), "too late")).isFalse();
		Instance after = this.instances.findLive(instance.getUuid()).orElseThrow();
		assertThat(after.getVmState()).isEqualTo(VmState.BUILDING);
		assertThat(after.getTaskState()).isEqualTo(TaskState.DELETING);
		// a second delete is accepted and does nothing more
		assertThat(this.states.begin(instance.getUuid(), InstanceAction.DELETE)).isFalse();
		this.states.deleted(instance.getUuid());
		assertThat(this.instances.findLive(instance.getUuid())).isEmpty();
		// the row stays, Nova's way: deleted holds its id, deleted_at when
		assertThat(this.jdbc.queryForMap(
				"SELECT vm_state, deleted = id AS marked, deleted_at IS NOT NULL AS dated FROM instances WHERE uuid = ?",
				instance.getUuid()))
			.containsEntry("VM_STATE", "deleted")
			.containsEntry("MARKED", true)
			.containsEntry("DATED", true);
	}

	@Test
	void aFailedBuildRecordsItsFault() {
		Instance instance = building("fails");
		this.states.spawning(instance.getUuid());
		assertThat(this.states.fail(instance.getUuid(), "disk full")).isTrue();
		Instance after = this.instances.findLive(instance.getUuid()).orElseThrow();
		assertThat(after.getVmState()).isEqualTo(VmState.ERROR);
		assertThat(after.getTaskState()).isNull();
		assertThat(after.getFaultCode()).isEqualTo(500);
		assertThat(after.getFaultMessage()).isEqualTo("disk full");
		this.states.deleted(instance.getUuid());
	}

	@Test
	void aDriverErrorLongerThanTheFaultColumnIsRecordedCutToTheColumn() {
		Instance instance = building("fails-long");
		this.states.spawning(instance.getUuid());
		String qemuLog = "qemu-system-x86_64: ".repeat(300);
		assertThat(this.states.fail(instance.getUuid(), qemuLog)).isTrue();
		Instance after = this.instances.findLive(instance.getUuid()).orElseThrow();
		assertThat(after.getVmState()).isEqualTo(VmState.ERROR);
		assertThat(after.getFaultMessage()).hasSize(1024).isEqualTo(qemuLog.substring(0, 1024));
		this.states.deleted(instance.getUuid());
	}

	@Test
	void aGuestThatStoppedByItselfMakesItsActiveInstanceStopped() {
		Instance instance = building("dies");
		this.states.spawning(instance.getUuid());
		this.states.spawned(instance.getUuid(), PowerState.RUNNING);
		this.states.syncPowerState(instance.getUuid(), PowerState.CRASHED);
		Instance after = this.instances.findLive(instance.getUuid()).orElseThrow();
		assertThat(after.getPowerState()).isEqualTo(PowerState.CRASHED);
		assertThat(after.getVmState()).isEqualTo(VmState.STOPPED);
		this.states.deleted(instance.getUuid());
	}

	@Test
	void aSpawnThatEndsWellMakesTheInstanceActiveAndLaunched() {
		Instance instance = building("spawned-well");
		assertThat(this.states.spawning(instance.getUuid())).isTrue();
		assertThat(this.states.spawned(instance.getUuid(), PowerState.RUNNING)).isTrue();
		Instance after = this.instances.findLive(instance.getUuid()).orElseThrow();
		assertThat(after.getVmState()).isEqualTo(VmState.ACTIVE);
		assertThat(after.getTaskState()).isNull();
		assertThat(after.getPowerState()).isEqualTo(PowerState.RUNNING);
		assertThat(after.getLaunchedAt()).isNotNull().isEqualTo(after.getUpdatedAt());
		// a second report of the same spawn finds no spawn to end
		assertThat(this.states.spawned(instance.getUuid(), PowerState.RUNNING)).isFalse();
		this.states.deleted(instance.getUuid());
	}

	@Test
	void networkInfoIsRecordedOnALiveInstanceAndADeletedOneIsNotFound() {
		Instance instance = building("network-info");
		this.states.networkAllocated(instance.getUuid(), "[{\"id\": \"port\"}]");
		Instance after = this.instances.findLive(instance.getUuid()).orElseThrow();
		assertThat(after.getNetworkInfo()).isEqualTo("[{\"id\": \"port\"}]");
		assertThat(after.getUpdatedAt()).isNotNull();
		this.states.deleted(instance.getUuid());
		assertThatExceptionOfType(InstanceNotFoundException.class)
			.isThrownBy(() -> this.states.networkAllocated(instance.getUuid(), "[]"));
	}

	private Instance building(String name) {
		Instance instance = this.states.create(name, "project-states", "user", "1", 1, 512, 1, "image");
		this.states.scheduled(instance.getUuid(), "nowhere-host");
		return this.instances.findLive(instance.getUuid()).orElseThrow();
	}

}
