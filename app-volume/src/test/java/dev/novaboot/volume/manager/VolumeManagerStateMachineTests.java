package dev.novaboot.volume.manager;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.SnapshotCreate;
import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.service.rpc.api.VolumeConnector;
import dev.novaboot.service.rpc.api.VolumeCreate;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.service.rpc.api.VolumeRpcApi.AttachVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.ExtendVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.SnapshotRef;
import dev.novaboot.service.rpc.api.VolumeRpcApi.UploadToImage;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeConnection;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;
import dev.novaboot.volume.VolumeAppTest;
import dev.novaboot.volume.driver.FakeVolumeDriver;
import dev.novaboot.volume.store.VolumeStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The VolumeManager's life cycle: every action in every status it does not allow is
 * refused and leaves the row as it was; the allowed paths end where Cinder's do; driver
 * failures end in an error status with a reason, never in a transitional one.
 */
@VolumeAppTest
class VolumeManagerStateMachineTests {

	static final RequestContext ALICE = new RequestContext("req-1", "alice", "project-a", Set.of("member"));

	static final RequestContext BOB = new RequestContext("req-2", "bob", "project-b", Set.of("member"));

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

	static Stream<Arguments> refusedTransitions() {
		return Stream.of(VolumeAction.values())
			.flatMap((action) -> Stream.of(VolumeStatus.values())
				.filter((status) -> status != VolumeStatus.DELETED && !action.isAllowedFrom(status))
				.map((status) -> Arguments.of(action, status)));
	}

	@ParameterizedTest(name = "{0} from {1} is refused")
	@MethodSource("refusedTransitions")
	void everyIllegalTransitionIsRefusedAndChangesNothing(VolumeAction action, VolumeStatus status) {
		VolumeInfo volume = create(ALICE, 1);
		setStatus(volume.id(), status);
		Map<String, Object> before = row(volume.id());

		assertThatThrownBy(() -> perform(action, ALICE, volume.id())).isInstanceOf(InvalidVolumeException.class)
			.hasMessageContaining(status.value())
			.hasMessageContaining("cannot " + action.verb());

		assertThat(row(volume.id())).isEqualTo(before);
	}

	@Test
	void aVolumeGoesThroughAttachAndDetachAsInCinder() {
		VolumeInfo volume = create(ALICE, 1);
		assertThat(volume.status()).isEqualTo("available");
		assertThat(this.driver.volumeSize("volume-" + volume.id())).isEqualTo(1);

		assertThat(this.manager.reserveVolume(ALICE, new VolumeRef(volume.id())).status()).isEqualTo("attaching");
		assertThat(this.manager
			.initializeConnection(ALICE, new VolumeConnection(volume.id(), new VolumeConnector("compute-1", null)))
			.data()
			.devicePath()).isEqualTo("fake:volume-" + volume.id());
		VolumeInfo attached = this.manager.attachVolume(ALICE,
				new AttachVolume(volume.id(), "5f0b0e3c-0000-4000-8000-000000000001", "/dev/vdb", "compute-1"));
		assertThat(attached.status()).isEqualTo("in-use");
		assertThat(attached.attachment().serverId()).isEqualTo("5f0b0e3c-0000-4000-8000-000000000001");
		assertThat(attached.attachment().device()).isEqualTo("/dev/vdb");

		assertThatThrownBy(() -> this.manager.attachVolume(ALICE,
				new AttachVolume(volume.id(), "5f0b0e3c-0000-4000-8000-000000000002", "/dev/vdc", "compute-2")))
			.isInstanceOf(InvalidVolumeException.class);
		assertThatThrownBy(() -> this.manager.deleteVolume(ALICE, new VolumeRef(volume.id())))
			.isInstanceOf(InvalidVolumeException.class);

		assertThat(this.manager.beginDetaching(ALICE, new VolumeRef(volume.id())).status()).isEqualTo("detaching");
		assertThat(this.manager.rollDetaching(ALICE, new VolumeRef(volume.id())).status()).isEqualTo("in-use");
		assertThat(this.manager.beginDetaching(ALICE, new VolumeRef(volume.id())).status()).isEqualTo("detaching");
		VolumeInfo detached = this.manager.detachVolume(ALICE, new VolumeRef(volume.id()));
		assertThat(detached.status()).isEqualTo("available");
		assertThat(detached.attachment()).isNull();

		this.manager.deleteVolume(ALICE, new VolumeRef(volume.id()));
		assertThat(this.driver.hasVolume("volume-" + volume.id())).isFalse();
		assertThatThrownBy(() -> this.manager.getVolume(ALICE, new VolumeRef(volume.id())))
			.isInstanceOf(VolumeNotFoundException.class);
		assertThat(row(volume.id())).containsEntry("STATUS", "deleted").containsEntry("DELETED", 1L);
	}

	@Test
	void anAttachedVolumeConnectedToAnotherHostIsAttachedThereFromThenOn() {
		VolumeInfo volume = create(ALICE, 1);
		String server = "5f0b0e3c-0000-4000-8000-000000000003";
		this.manager.reserveVolume(ALICE, new VolumeRef(volume.id()));
		this.manager.initializeConnection(ALICE, new VolumeConnection(volume.id(), new VolumeConnector("compute-1", null)));
		VolumeInfo attached = this.manager.attachVolume(ALICE, new AttachVolume(volume.id(), server, "/dev/vdb", "compute-1"));

		// the server moved (a migration, an evacuation): its new host connects, the old one lets go
		this.manager.initializeConnection(ALICE, new VolumeConnection(volume.id(), new VolumeConnector("compute-2", null)));
		this.manager.terminateConnection(ALICE, new VolumeConnection(volume.id(), new VolumeConnector("compute-1", null)));

		VolumeInfo moved = this.manager.getVolume(ALICE, new VolumeRef(volume.id()));
		assertThat(moved.status()).isEqualTo("in-use");
		assertThat(moved.attachment().hostName()).isEqualTo("compute-2");
		assertThat(moved.attachment()).usingRecursiveComparison()
			.ignoringFields("hostName")
			.isEqualTo(attached.attachment());
	}

	@Test
	void extendGrowsTheVolumeAndRefusesASmallerOrEqualSize() {
		VolumeInfo volume = create(ALICE, 2);

		assertThatThrownBy(() -> this.manager.extendVolume(ALICE, new ExtendVolume(volume.id(), 1)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("greater than current size");
		assertThatThrownBy(() -> this.manager.extendVolume(ALICE, new ExtendVolume(volume.id(), 2)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.manager.getVolume(ALICE, new VolumeRef(volume.id())).status()).isEqualTo("available");

		VolumeInfo extended = this.manager.extendVolume(ALICE, new ExtendVolume(volume.id(), 5));
		assertThat(extended.status()).isEqualTo("available");
		assertThat(extended.sizeGb()).isEqualTo(5);
		assertThat(this.driver.volumeSize("volume-" + volume.id())).isEqualTo(5);
	}

	@Test
	void snapshotsBlockDeletionAndCanSeedNewVolumes() {
		VolumeInfo volume = create(ALICE, 3);
		SnapshotInfo snapshot = this.manager.createSnapshot(ALICE,
				new SnapshotCreate(UUID.randomUUID().toString(), volume.id(), "snap", null, false));
		assertThat(snapshot.status()).isEqualTo("available");
		assertThat(snapshot.sizeGb()).isEqualTo(3);

		assertThatThrownBy(() -> this.manager.deleteVolume(ALICE, new VolumeRef(volume.id())))
			.isInstanceOf(InvalidVolumeException.class)
			.hasMessageContaining("dependent snapshot");

		VolumeInfo copy = this.manager.createVolume(ALICE,
				new VolumeCreate(UUID.randomUUID().toString(), 4, "copy", null, snapshot.id(), null));
		assertThat(copy.status()).isEqualTo("available");
		assertThat(copy.snapshotId()).isEqualTo(snapshot.id());
		assertThatThrownBy(() -> this.manager.createVolume(ALICE,
				new VolumeCreate(UUID.randomUUID().toString(), 2, "too small", null, snapshot.id(), null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("smaller than the snapshot");

		this.manager.deleteSnapshot(ALICE, new SnapshotRef(snapshot.id()));
		assertThat(this.driver.hasSnapshot("snapshot-" + snapshot.id())).isFalse();
		this.manager.deleteVolume(ALICE, new VolumeRef(volume.id()));
		assertThat(this.driver.hasVolume("volume-" + copy.id())).isTrue();
	}

	@Test
	void anInUseVolumeIsSnapshotOnlyWithForce() {
		VolumeInfo volume = attached(create(ALICE, 1));

		assertThatThrownBy(() -> this.manager.createSnapshot(ALICE,
				new SnapshotCreate(UUID.randomUUID().toString(), volume.id(), null, null, false)))
			.isInstanceOf(InvalidVolumeException.class);
		assertThat(this.manager.createSnapshot(ALICE,
				new SnapshotCreate(UUID.randomUUID().toString(), volume.id(), null, null, true))
			.status()).isEqualTo("available");
	}

	@Test
	void anotherProjectsVolumeDoesNotExistForTheCaller() {
		VolumeInfo volume = create(ALICE, 1);

		assertThatThrownBy(() -> this.manager.getVolume(BOB, new VolumeRef(volume.id())))
			.isInstanceOf(VolumeNotFoundException.class);
		assertThatThrownBy(() -> this.manager.deleteVolume(BOB, new VolumeRef(volume.id())))
			.isInstanceOf(VolumeNotFoundException.class);
		assertThatThrownBy(() -> this.manager.extendVolume(BOB, new ExtendVolume(volume.id(), 9)))
			.isInstanceOf(VolumeNotFoundException.class);
		assertThat(this.manager.getVolume(ALICE, new VolumeRef(volume.id())).sizeGb()).isEqualTo(1);
	}

	@Test
	void aDriverFailureWhileCreatingLeavesTheVolumeInErrorWithTheReason() {
		this.driver.fail(FakeVolumeDriver.Operation.CREATE);

		VolumeInfo volume = create(ALICE, 1);

		assertThat(volume.status()).isEqualTo("error");
		assertThat(volume.statusReason()).contains("Failed to create").contains("told to fail CREATE");
		this.driver.heal();
		this.manager.deleteVolume(ALICE, new VolumeRef(volume.id()));
		assertThatThrownBy(() -> this.manager.getVolume(ALICE, new VolumeRef(volume.id())))
			.isInstanceOf(VolumeNotFoundException.class);
	}

	@Test
	void aDriverFailureWhileExtendingOrDeletingEndsInTheMatchingErrorStatus() {
		VolumeInfo volume = create(ALICE, 1);
		this.driver.fail(FakeVolumeDriver.Operation.EXTEND);
		VolumeInfo extended = this.manager.extendVolume(ALICE, new ExtendVolume(volume.id(), 2));
		assertThat(extended.status()).isEqualTo("error_extending");
		assertThat(extended.sizeGb()).isEqualTo(1);
		assertThat(extended.statusReason()).contains("Failed to extend");

		this.driver.heal();
		this.driver.fail(FakeVolumeDriver.Operation.DELETE);
		this.manager.deleteVolume(ALICE, new VolumeRef(volume.id()));
		VolumeInfo failed = this.manager.getVolume(ALICE, new VolumeRef(volume.id()));
		assertThat(failed.status()).isEqualTo("error_deleting");
		assertThat(failed.statusReason()).contains("Failed to delete");

		this.driver.heal();
		this.manager.deleteVolume(ALICE, new VolumeRef(volume.id()));
		assertThatThrownBy(() -> this.manager.getVolume(ALICE, new VolumeRef(volume.id())))
			.isInstanceOf(VolumeNotFoundException.class);
	}

	@Test
	void aSnapshotThatFailsIsInErrorAndCanBeDeleted() {
		VolumeInfo volume = create(ALICE, 1);
		this.driver.fail(FakeVolumeDriver.Operation.SNAPSHOT);
		SnapshotInfo snapshot = this.manager.createSnapshot(ALICE,
				new SnapshotCreate(UUID.randomUUID().toString(), volume.id(), null, null, false));
		assertThat(snapshot.status()).isEqualTo("error");
		assertThat(snapshot.statusReason()).contains("Failed to create snapshot");

		this.driver.heal();
		this.manager.deleteSnapshot(ALICE, new SnapshotRef(snapshot.id()));
		this.manager.deleteVolume(ALICE, new VolumeRef(volume.id()));
	}

	@Test
	void badArgumentsAreRefusedBeforeAnythingIsWritten() {
		assertThatThrownBy(() -> this.manager.createVolume(ALICE,
				new VolumeCreate(UUID.randomUUID().toString(), 0, null, null, null, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> this.manager.createVolume(ALICE, new VolumeCreate("../../etc", 1, null, null, null, null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> this.manager.createVolume(ALICE,
				new VolumeCreate(UUID.randomUUID().toString(), 1, null, null, null, "elsewhere")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Availability zone");
		VolumeInfo volume = create(ALICE, 1);
		assertThatThrownBy(() -> this.manager.createVolume(ALICE,
				new VolumeCreate(volume.id(), 1, null, null, null, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("already exists");
		setStatus(volume.id(), VolumeStatus.ATTACHING);
		assertThatThrownBy(
				() -> this.manager.attachVolume(ALICE, new AttachVolume(volume.id(), null, "/dev/vdb", null)))
			.isInstanceOf(InvalidInputException.class);
		assertThat(this.manager.getVolume(ALICE, new VolumeRef(volume.id())).status()).isEqualTo("attaching");
	}

	private VolumeInfo create(RequestContext context, int sizeGb) {
		return this.manager.createVolume(context,
				new VolumeCreate(UUID.randomUUID().toString(), sizeGb, "test", null, null, null));
	}

	private VolumeInfo attached(VolumeInfo volume) {
		this.manager.reserveVolume(ALICE, new VolumeRef(volume.id()));
		return this.manager.attachVolume(ALICE,
				new AttachVolume(volume.id(), UUID.randomUUID().toString(), "/dev/vdb", "compute-1"));
	}

	private void perform(VolumeAction action, RequestContext context, String id) {
		VolumeConnector connector = new VolumeConnector("compute-1", null);
		switch (action) {
			case DELETE -> this.manager.deleteVolume(context, new VolumeRef(id));
			case EXTEND -> this.manager.extendVolume(context, new ExtendVolume(id, 100));
			case RESERVE -> this.manager.reserveVolume(context, new VolumeRef(id));
			case UNRESERVE -> this.manager.unreserveVolume(context, new VolumeRef(id));
			case ATTACH -> this.manager.attachVolume(context,
					new AttachVolume(id, UUID.randomUUID().toString(), "/dev/vdb", "compute-1"));
			case BEGIN_DETACHING -> this.manager.beginDetaching(context, new VolumeRef(id));
			case ROLL_DETACHING -> this.manager.rollDetaching(context, new VolumeRef(id));
			case DETACH -> this.manager.detachVolume(context, new VolumeRef(id));
			case SNAPSHOT -> this.manager.createSnapshot(context,
					new SnapshotCreate(UUID.randomUUID().toString(), id, null, null, false));
			case SNAPSHOT_FORCED -> this.manager.createSnapshot(context,
					new SnapshotCreate(UUID.randomUUID().toString(), id, null, null, true));
			case INITIALIZE_CONNECTION ->
				this.manager.initializeConnection(context, new VolumeConnection(id, connector));
			case TERMINATE_CONNECTION -> this.manager.terminateConnection(context, new VolumeConnection(id, connector));
			case UPLOAD -> this.manager.uploadToImage(context,
					new UploadToImage(id, "refused-" + UUID.randomUUID(), "raw", false));
			case UPLOAD_FORCED -> this.manager.uploadToImage(context,
					new UploadToImage(id, "refused-" + UUID.randomUUID(), "raw", true));
		}
	}

	private void setStatus(String id, VolumeStatus status) {
		this.jdbc.update("UPDATE volumes SET status = ? WHERE id = ?", status.value(), id);
	}

	private Map<String, Object> row(String id) {
		return this.jdbc.queryForMap("SELECT * FROM volumes WHERE id = ?", id);
	}


	@Autowired
	VolumeTransactions transactions;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	@Test
	void anIdTakenAfterTheCheckIsRefusedByThePrimaryKeyAndTheDriverCreatesNothing() {
		String id = UUID.randomUUID().toString();
		org.springframework.transaction.support.TransactionTemplate other = new org.springframework.transaction.support.TransactionTemplate(
				this.transactionManager);
		other.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.manager.createVolume(ALICE, new VolumeCreate(UUID.randomUUID().toString(), 1, null, null, null, null));
		java.util.concurrent.atomic.AtomicBoolean created = new java.util.concurrent.atomic.AtomicBoolean();

		// a second request with the same id commits between this one's check and its insert
		assertThatThrownBy(() -> this.transactions.insert(id, (now) -> {
			other.executeWithoutResult((status) -> this.jdbc.update("INSERT INTO volumes (id, project_id, user_id, host, "
					+ "availability_zone, size_gb, status, created_at, deleted, lock_version) "
					+ "SELECT ?, project_id, user_id, host, availability_zone, size_gb, status, created_at, "
					+ "deleted, lock_version FROM volumes WHERE project_id = 'project-a' FETCH FIRST 1 ROWS ONLY", id));
			return new dev.novaboot.volume.store.Volume(id, "project-a", "alice", "h", "nova", 1, null, null, null, now);
		}, (volume, now) -> created.set(true))).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
		assertThat(created).isFalse();
	}

}
