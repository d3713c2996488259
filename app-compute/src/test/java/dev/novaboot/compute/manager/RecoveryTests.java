package dev.novaboot.compute.manager;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.novaboot.compute.driver.FakeComputeDriver;
import dev.novaboot.compute.driver.GuestSpec;
import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.MigrationRecord;
import dev.novaboot.compute.store.MigrationRepository;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash leaves behind is reconciled: {@code initHost()} of a restarted compute
 * service ends the tasks that were under way on its host, the power-state sync notices a
 * guest that died, and a building instance of a host that went down goes to
 * {@code error} once the grace period has passed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class RecoveryTests {

	@Autowired
	ComputeManager manager;

	@Autowired
	InstanceStates states;

	@Autowired
	InstanceRepository instances;

	@Autowired
	FakeComputeDriver driver;

	@Autowired
	DeadHostBuilds deadHostBuilds;

	@Autowired
	ServiceRecordRepository services;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Migrations migrations;

	@Autowired
	MigrationRepository migrationRows;

	@Test
	void initHostEndsWhatACrashInterrupted() {
		Instance spawning = instance("crashed-while-spawning", "test-host");
		this.states.spawning(spawning.getUuid());
		this.driver.spawn(spec(spawning)); // the half-built guest the crash left

		Instance deleting = active("crashed-while-deleting");
		this.states.begin(deleting.getUuid(), InstanceAction.DELETE);

		Instance rebooting = active("crashed-while-rebooting");
		this.states.begin(rebooting.getUuid(), InstanceAction.REBOOT_SOFT);

		Instance powering = active("crashed-while-powering-off");
		this.states.begin(powering.getUuid(), InstanceAction.STOP);
		this.driver.powerOff(powering.getUuid());

		String orphan = UUID.randomUUID().toString();
		this.driver.spawn(new GuestSpec(orphan, "orphan", 1, 512, 1, null, null, List.of(), List.of()));

		this.manager.initHost();

		Instance failed = reload(spawning);
		assertThat(failed.getVmState()).isEqualTo(VmState.ERROR);
		assertThat(failed.getTaskState()).isNull();
		assertThat(failed.getFaultMessage()).contains("interrupted").contains("spawning");
		assertThat(this.instances.findLive(deleting.getUuid())).isEmpty();
		assertThat(this.jdbc.queryForMap("SELECT vm_state, deleted = id AS marked FROM instances WHERE uuid = ?",
				deleting.getUuid()))
			.containsEntry("VM_STATE", "deleted")
			.containsEntry("MARKED", true);
		Instance rebooted = reload(rebooting);
		assertThat(rebooted.getVmState()).isEqualTo(VmState.ACTIVE);
		assertThat(rebooted.getTaskState()).isNull();
		assertThat(rebooted.getPowerState()).isEqualTo(PowerState.RUNNING);
		Instance stopped = reload(powering);
		assertThat(stopped.getVmState()).isEqualTo(VmState.STOPPED);
		assertThat(stopped.getTaskState()).isNull();
		assertThat(stopped.getPowerState()).isEqualTo(PowerState.SHUTDOWN);
		assertThat(this.driver.listInstances()).doesNotContain(spawning.getUuid(), deleting.getUuid(), orphan)
			.contains(rebooting.getUuid());

		for (Instance instance : List.of(spawning, rebooting, powering)) {
			this.manager.deleteWithoutHost(null, instance.getUuid());
			this.driver.destroy(instance.getUuid());
		}
	}

	@Test
	void initHostPutsARebuildCutShortInErrorAndAPauseWhereItsGuestIs() {
		Instance rebuilding = active("crashed-while-rebuilding");
		this.states.beginRebuild(rebuilding.getUuid(), rebuilding.getImageRef(), null, false, null);
		Instance pausing = active("crashed-while-pausing");
		this.states.begin(pausing.getUuid(), InstanceAction.PAUSE);
		this.driver.pause(pausing.getUuid());

		this.manager.initHost();

		Instance failed = reload(rebuilding);
		assertThat(failed.getVmState()).isEqualTo(VmState.ERROR);
		assertThat(failed.getTaskState()).isNull();
		assertThat(failed.getFaultMessage()).contains("interrupted while rebuilding");
		Instance paused = reload(pausing);
		assertThat(paused.getVmState()).isEqualTo(VmState.PAUSED);
		assertThat(paused.getTaskState()).isNull();
		assertThat(paused.getPowerState()).isEqualTo(PowerState.PAUSED);

		for (Instance instance : List.of(rebuilding, pausing)) {
			this.manager.deleteWithoutHost(null, instance.getUuid());
			this.driver.destroy(instance.getUuid());
		}
	}

	@Test
	void initHostLeavesAServerEvacuatedWhileTheHostWasDownToItsDestinationAndDropsItsGuest() {
		// the evacuation was accepted, but the destination has not taken the instance yet
		Instance evacuating = active("evacuated-while-down");
		this.states.begin(evacuating.getUuid(), InstanceAction.EVACUATE);
		MigrationRecord evacuation = this.migrations.record(evacuating, "evacuation", "accepted", "other-host");

		this.manager.initHost();

		// neither failed as a rebuild cut short here nor kept running here
		Instance left = reload(evacuating);
		assertThat(left.getVmState()).isEqualTo(VmState.ACTIVE);
		assertThat(left.getTaskState()).isEqualTo(TaskState.REBUILDING);
		assertThat(left.getFaultMessage()).isNull();
		assertThat(this.driver.listInstances()).doesNotContain(evacuating.getUuid());
		assertThat(this.migrationRows.findByUuid(evacuation.getUuid()).orElseThrow().getStatus()).isEqualTo("completed");

		this.manager.deleteWithoutHost(null, evacuating.getUuid());
	}

	@Test
	void powerStateSyncShowsAGuestThatDied() {
		Instance instance = active("dies-later");
		this.driver.crash(instance.getUuid());
		this.manager.syncPowerStates();
		Instance after = reload(instance);
		assertThat(after.getPowerState()).isEqualTo(PowerState.CRASHED);
		assertThat(after.getVmState()).isEqualTo(VmState.STOPPED);
		this.manager.deleteWithoutHost(null, instance.getUuid());
		this.driver.destroy(instance.getUuid());
	}

	@Test
	void buildingInstancesOfAHostThatWentDownGoToErrorAfterTheGrace() {
		ServiceRows rows = new ServiceRows(this.services, this.clock, this.jdbc);
		String deadHost = "dead-" + UUID.randomUUID().toString().substring(0, 8);
		rows.service(deadHost, "nova-compute", "compute", Duration.ofMinutes(5));
		Instance onDeadHost = instance("on-dead-host", deadHost);
		Instance onDeadHostRecently = instance("on-dead-host-recent", deadHost);
		Instance onLiveHost = instance("on-live-host", "test-host");
		Instance neverScheduled = this.states.create("never-scheduled", "project-recovery", "user", "1", 1, 512, 1,
				"image");
		for (Instance old : List.of(onDeadHost, onLiveHost, neverScheduled)) {
			this.jdbc.update("UPDATE instances SET updated_at = ? WHERE uuid = ?",
					Timestamp.from(this.clock.now().minus(Duration.ofMinutes(3))), old.getUuid());
		}

		this.deadHostBuilds.failStaleBuilds();

		assertThat(reload(onDeadHost).getVmState()).isEqualTo(VmState.ERROR);
		assertThat(reload(onDeadHost).getFaultMessage()).contains("compute host " + deadHost + " went down");
		assertThat(reload(neverScheduled).getVmState()).isEqualTo(VmState.ERROR);
		// within the grace period, and on a host that is up, the build may still finish
		assertThat(reload(onDeadHostRecently).getVmState()).isEqualTo(VmState.BUILDING);
		assertThat(reload(onLiveHost).getVmState()).isEqualTo(VmState.BUILDING);
		for (Instance instance : List.of(onDeadHost, onDeadHostRecently, onLiveHost, neverScheduled)) {
			this.states.deleted(instance.getUuid());
		}
	}

	private Instance instance(String name, String host) {
		Instance instance = this.states.create(name, "project-recovery", "user", "1", 1, 512, 1, "image");
		this.states.scheduled(instance.getUuid(), host);
		return reload(instance);
	}

	private Instance active(String name) {
		Instance instance = instance(name, "test-host");
		this.states.spawning(instance.getUuid());
		this.driver.spawn(spec(instance));
		this.states.spawned(instance.getUuid(), PowerState.RUNNING);
		return reload(instance);
	}

	private static GuestSpec spec(Instance instance) {
		return new GuestSpec(instance.getUuid(), instance.getName(), 1, 512, 1, null, null, List.of(), List.of());
	}

	private Instance reload(Instance instance) {
		return this.instances.findLive(instance.getUuid()).orElseThrow();
	}


}
