package dev.novaboot.volume.manager;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.SnapshotCreate;
import dev.novaboot.service.rpc.api.VolumeCreate;
import dev.novaboot.volume.VolumeAppTest;
import dev.novaboot.volume.driver.FakeVolumeDriver;
import dev.novaboot.volume.store.VolumeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code initHost()} after a crash: rows left in transitional statuses (written here as a
 * crash mid-operation would leave them) end in a defined status, interrupted deletes
 * finish, and volumes whose storage is gone are marked {@code error}.
 */
@VolumeAppTest
class HostRecoveryTests {

	static final RequestContext CONTEXT = new RequestContext("req-r", "rita", "project-recovery", Set.of("member"));

	@Autowired
	VolumeManager manager;

	@Autowired
	FakeVolumeDriver driver;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void heal() {
		this.driver.heal();
	}

	@Test
	void nothingStaysTransitionalAfterARestart() {
		String creating = volumeIn(VolumeStatus.CREATING);
		String deleting = volumeIn(VolumeStatus.DELETING);
		String extending = volumeIn(VolumeStatus.EXTENDING);
		String attaching = volumeIn(VolumeStatus.ATTACHING);
		String detaching = volumeIn(VolumeStatus.DETACHING);
		String healthy = volumeIn(VolumeStatus.AVAILABLE);
		String lost = volumeIn(VolumeStatus.IN_USE);
		this.driver.lose("volume-" + lost);

		this.manager.initHost();

		assertThat(row(creating)).containsEntry("STATUS", "error");
		assertThat((String) row(creating).get("STATUS_REASON")).contains("restarted while creating");
		assertThat(row(deleting)).containsEntry("STATUS", "deleted").containsEntry("DELETED", 1L);
		assertThat(this.driver.hasVolume("volume-" + deleting)).isFalse();
		assertThat(row(extending)).containsEntry("STATUS", "error_extending");
		assertThat(row(attaching)).containsEntry("STATUS", "available");
		assertThat(row(detaching)).containsEntry("STATUS", "in-use");
		assertThat(row(healthy)).containsEntry("STATUS", "available").containsEntry("STATUS_REASON", null);
		assertThat(row(lost)).containsEntry("STATUS", "error");
		assertThat((String) row(lost).get("STATUS_REASON")).contains("re-establish the export").contains("does not exist");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM volumes WHERE host = 'volume-test-host' AND status IN "
						+ "('creating', 'deleting', 'extending', 'attaching', 'detaching')",
				Integer.class))
			.isZero();
	}

	@Test
	void anInterruptedUploadReturnsTheVolumeToWhatItsAttachmentSays() {
		String uploading = volumeIn(VolumeStatus.UPLOADING);
		String attachedUploading = volumeIn(VolumeStatus.UPLOADING);
		this.jdbc.update("UPDATE volumes SET attachment_id = ?, attached_server = ? WHERE id = ?",
				UUID.randomUUID().toString(), UUID.randomUUID().toString(), attachedUploading);

		this.manager.initHost();

		assertThat(row(uploading)).containsEntry("STATUS", "available");
		assertThat(row(attachedUploading)).containsEntry("STATUS", "in-use");
	}

	@Test
	void anInterruptedDeleteThatFailsAgainEndsInErrorDeleting() {
		String deleting = volumeIn(VolumeStatus.DELETING);
		this.driver.fail(FakeVolumeDriver.Operation.DELETE);

		this.manager.initHost();

		assertThat(row(deleting)).containsEntry("STATUS", "error_deleting").containsEntry("DELETED", 0L);
	}

	@Test
	void snapshotsLeftTransitionalAreFinished() {
		String volume = volumeIn(VolumeStatus.AVAILABLE);
		String creating = snapshotOf(volume);
		String deleting = snapshotOf(volume);
		this.jdbc.update("UPDATE snapshots SET status = 'creating' WHERE id = ?", creating);
		this.jdbc.update("UPDATE snapshots SET status = 'deleting' WHERE id = ?", deleting);

		this.manager.initHost();

		assertThat(this.jdbc.queryForObject("SELECT status FROM snapshots WHERE id = ?", String.class, creating))
			.isEqualTo("error");
		assertThat(this.jdbc.queryForObject("SELECT status FROM snapshots WHERE id = ?", String.class, deleting))
			.isEqualTo("deleted");
		assertThat(this.driver.hasSnapshot("snapshot-" + deleting)).isFalse();
	}

	private String volumeIn(VolumeStatus status) {
		String id = this.manager
			.createVolume(CONTEXT, new VolumeCreate(UUID.randomUUID().toString(), 1, null, null, null, null))
			.id();
		this.jdbc.update("UPDATE volumes SET status = ? WHERE id = ?", status.value(), id);
		return id;
	}

	private String snapshotOf(String volumeId) {
		return this.manager
			.createSnapshot(CONTEXT, new SnapshotCreate(UUID.randomUUID().toString(), volumeId, null, null, false))
			.id();
	}

	private Map<String, Object> row(String id) {
		return this.jdbc.queryForMap("SELECT * FROM volumes WHERE id = ?", id);
	}

}
