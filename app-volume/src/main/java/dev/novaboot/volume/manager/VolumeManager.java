package dev.novaboot.volume.manager;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.image.StoredImage;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.manager.Manager;
import dev.novaboot.service.rpc.api.ConnectionInfo;
import dev.novaboot.service.rpc.api.SnapshotCreate;
import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.service.rpc.api.VolumeCreate;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.service.rpc.api.VolumeRpcApi;
import dev.novaboot.service.rpc.api.VolumeRpcApi.AttachVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.ExtendVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.SnapshotRef;
import dev.novaboot.service.rpc.api.VolumeRpcApi.UploadToImage;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeConnection;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;
import dev.novaboot.volume.VolumeProperties;
import dev.novaboot.volume.driver.BackingName;
import dev.novaboot.volume.driver.VolumeDriver;
import dev.novaboot.volume.manager.MessageField.Action;
import dev.novaboot.volume.manager.MessageField.Detail;
import dev.novaboot.volume.manager.MessageField.Resource;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotStatus;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeStatus;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Owns the volumes of this host: other components deal with volumes by calling the
 * VolumeManager (locally or over RPC through {@link VolumeRpcApi}), never by changing
 * volume rows themselves.
 * <p>
 * Every operation first moves the volume into its next status in one short transaction,
 * which refuses an action the current status does not allow and changes nothing then
 * ({@link VolumeAction}); the driver's work follows, and {@link DriverTasks} records how
 * it ended. Driver work runs synchronously in the caller's thread for now.
 */
@Service
public class VolumeManager implements Manager, VolumeRpcApi {

	private static final Pattern UUID_PATTERN = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final VolumeDriver driver;

	private final VolumeTransactions store;

	private final DriverTasks tasks;

	private final HostRecovery recovery;

	private final CapacityReporter capacity;

	private final ServiceIdentity identity;

	private final VolumeQuotas quotas;

	private final UserMessages messages;

	private final VolumeImages images;

	private final boolean enableForceUpload;

	VolumeManager(VolumeDriver driver, VolumeTransactions store, DriverTasks tasks, HostRecovery recovery,
			CapacityReporter capacity, ServiceIdentity identity, VolumeQuotas quotas, UserMessages messages,
			VolumeImages images, VolumeProperties properties) {
		this.images = images;
		this.enableForceUpload = properties.enableForceUpload();
		this.quotas = quotas;
		this.messages = messages;
		this.driver = driver;
		this.store = store;
		this.tasks = tasks;
		this.recovery = recovery;
		this.capacity = capacity;
		this.identity = identity;
	}

	@Override
	public void initHost() {
		this.driver.doSetup();
		this.recovery.recover(this.identity.host());
		this.capacity.report();
	}

	@Override
	public VolumeInfo createVolume(RequestContext context, VolumeCreate request) {
		requireUuid("volume id", request.id());
		if (request.sizeGb() < 1) {
			throw new InvalidInputException("size must be a whole number of GiB greater than 0, not " + request.sizeGb());
		}
		if (request.availabilityZone() != null && !request.availabilityZone().equals(this.identity.zone())) {
			throw new InvalidInputException("Availability zone '" + request.availabilityZone() + "' is invalid.");
		}
		Snapshot source = (request.snapshotId() != null) ? sourceSnapshot(context, request) : null;
		Volume sourceVolume = (request.sourceVolid() != null) ? sourceVolume(context, request) : null;
		StoredImage image = (request.imageId() != null) ? sourceImage(request) : null;
		// an empty volume of an instant driver: recorded and created in one transaction
		boolean whileRecording = source == null && sourceVolume == null && image == null
				&& this.tasks.createsWhileRecording();
		Volume volume = insert(context, request.id(), (now) -> {
			Volume created = new Volume(request.id(), context.projectId(), context.userId(), this.identity.host(),
					this.identity.zone(), request.sizeGb(), request.name(), request.description(), request.snapshotId(),
					now);
			// one pool per backend, named as the backend, as Cinder's single-pool drivers report it
			created.setBackend(this.driver.name() + "#" + this.driver.name());
			created.setSourceVolid(request.sourceVolid());
			if (request.volumeTypeId() != null) {
				created.setVolumeTypeId(request.volumeTypeId());
			}
			if (request.metadata() != null) {
				created.setMetadata(request.metadata(), now);
			}
			if (whileRecording) {
				// inserted available, in the transaction that creates it: one statement, not an
				// insert and an update; a failing driver turns it to error before the commit
				created.setStatus(VolumeStatus.AVAILABLE, null, now);
			}
			return created;
		}, whileRecording ? this.tasks::createWhileRecording : (created, now) -> {
		});
		Volume created = whileRecording ? volume : this.tasks.create(volume, source, sourceVolume, image);
		if (created.getStatus() == VolumeStatus.ERROR) {
			this.messages.record(context, Resource.VOLUME, created.getId(), Action.CREATE_VOLUME_FROM_BACKEND,
					Detail.DRIVER_FAILED_CREATE);
		}
		return VolumeInfos.of(created);
	}

	/**
	 * The volume to clone: one the caller sees, on this host, available or in use (its data
	 * is read as it is), no larger than the new volume.
	 */
	private Volume sourceVolume(RequestContext context, VolumeCreate request) {
		Volume source = this.store.visibleVolume(context, request.sourceVolid());
		VolumeStatus status = source.getStatus();
		if (status != VolumeStatus.AVAILABLE && status != VolumeStatus.IN_USE) {
			throw new InvalidVolumeException("Invalid volume: source volume " + source.getId()
					+ " must be available or in-use, not " + status.value() + ".");
		}
		if (!this.identity.host().equals(source.getHost())) {
			throw new WrongVolumeHostException("Volume " + source.getId() + " is on volume host " + source.getHost()
					+ ", not " + this.identity.host() + "; a clone of it must be created there.");
		}
		if (request.sizeGb() < source.getSizeGb()) {
			throw new InvalidInputException("volume size " + request.sizeGb() + " GiB is smaller than the source volume's "
					+ source.getSizeGb() + " GiB.");
		}
		return source;
	}

	/** The image to write into the new volume: one of the store, whose bytes fit the volume. */
	private StoredImage sourceImage(VolumeCreate request) {
		StoredImage image = this.images.find(request.imageId())
			.orElseThrow(() -> new InvalidInputException(
					"Invalid image identifier or unable to access requested image."));
		VolumeImages.checkFits(image, request.sizeGb());
		return image;
	}

	private Snapshot sourceSnapshot(RequestContext context, VolumeCreate request) {
		Snapshot source = this.store.visibleSnapshot(context, request.snapshotId());
		if (source.getStatus() != SnapshotStatus.AVAILABLE) {
			throw new InvalidVolumeException("Invalid snapshot: snapshot " + source.getId() + " must be available, not "
					+ source.getStatus().value() + ".");
		}
		if (!source.getHost().equals(this.identity.host())) {
			throw new WrongVolumeHostException("Snapshot " + source.getId() + " is on volume host " + source.getHost()
					+ ", not " + this.identity.host() + "; a volume from it must be created there.");
		}
		if (request.sizeGb() < source.getSizeGb()) {
			throw new InvalidInputException("volume size " + request.sizeGb() + " GiB is smaller than the snapshot's "
					+ source.getSizeGb() + " GiB.");
		}
		return source;
	}

	/**
	 * Records a volume that no host could take (the scheduler found none), as Cinder does:
	 * the volume exists in {@code error} with the reason, and can be deleted.
	 */
	public VolumeInfo recordUnscheduled(RequestContext context, VolumeCreate request, String reason) {
		requireUuid("volume id", request.id());
		String zone = (request.availabilityZone() != null) ? request.availabilityZone() : this.identity.zone();
		Volume volume = insert(context, request.id(), (now) -> {
			Volume unscheduled = new Volume(request.id(), context.projectId(), context.userId(), null, zone,
					Math.max(request.sizeGb(), 0), request.name(), request.description(), request.snapshotId(), now);
			unscheduled.setSourceVolid(request.sourceVolid());
			if (request.volumeTypeId() != null) {
				unscheduled.setVolumeTypeId(request.volumeTypeId());
			}
			if (request.metadata() != null) {
				unscheduled.setMetadata(request.metadata(), now);
			}
			return unscheduled;
		});
		Volume unscheduled = this.store.finish(volume.getId(), VolumeStatus.ERROR, reason, (v) -> {
		});
		// Cinder's scheduler, on NoValidBackend
		this.messages.record(context, Resource.VOLUME, unscheduled.getId(), Action.SCHEDULE_ALLOCATE_VOLUME,
				Detail.NO_BACKEND_AVAILABLE);
		return VolumeInfos.of(unscheduled);
	}

	@Override
	public VolumeInfo getVolume(RequestContext context, VolumeRef volume) {
		return VolumeInfos.of(this.store.visibleVolume(context, volume.volumeId()));
	}

	@Override
	public void deleteVolume(RequestContext context, VolumeRef request) {
		Consumer<Volume> check = (v) -> {
			onThisHost(v);
			long snapshots = this.store.dependentSnapshots(v.getId());
			if (snapshots > 0) {
				throw new InvalidVolumeException("Invalid volume: volume " + v.getId() + " still has " + snapshots
						+ " dependent snapshot(s); delete them first.");
			}
		};
		if (this.tasks.deletesWhileRecording()) {
			// an instant driver: deleting, the driver's delete and deleted in one transaction
			this.store.beginAndEnd(context, request.volumeId(), VolumeAction.DELETE, check,
					this.tasks::deleteWhileRecording);
			return;
		}
		Volume volume = this.store.begin(context, request.volumeId(), VolumeAction.DELETE, check);
		this.tasks.delete(volume);
	}

	@Override
	public VolumeInfo extendVolume(RequestContext context, ExtendVolume request) {
		int newSizeGb = request.newSizeGb();
		// the volume's project, which is not the caller's for an admin's call
		this.quotas.prepare(this.store.visibleVolume(context, request.volumeId()).getProjectId());
		Volume volume = this.store.beginExtend(context, request.volumeId(), newSizeGb, (v) -> {
			onThisHost(v);
			if (newSizeGb <= v.getSizeGb()) {
				throw new InvalidInputException("New size for extend must be greater than current size. (current: "
						+ v.getSizeGb() + ", extended: " + newSizeGb + ").");
			}
		});
		Volume extended = this.tasks.extend(volume, newSizeGb);
		if (extended.getStatus() == VolumeStatus.ERROR_EXTENDING) {
			this.messages.record(context, Resource.VOLUME, extended.getId(), Action.EXTEND_VOLUME,
					Detail.DRIVER_FAILED_EXTEND);
		}
		return VolumeInfos.of(extended);
	}

	@Override
	public SnapshotInfo createSnapshot(RequestContext context, SnapshotCreate request) {
		requireUuid("snapshot id", request.id());
		VolumeAction action = request.force() ? VolumeAction.SNAPSHOT_FORCED : VolumeAction.SNAPSHOT;
		this.quotas.prepare(this.store.visibleVolume(context, request.volumeId()).getProjectId());
		Snapshot snapshot = this.store.insertSnapshot(context, request.volumeId(), action, this::onThisHost,
				(volume, now) -> new Snapshot(request.id(), context.projectId(), context.userId(), volume.getId(),
						this.identity.host(), volume.getSizeGb(), request.name(), request.description(), now));
		Snapshot made = this.tasks.snapshot(snapshot);
		if (made.getStatus() == SnapshotStatus.ERROR) {
			this.messages.record(context, Resource.VOLUME_SNAPSHOT, made.getId(), Action.SNAPSHOT_CREATE,
					Detail.SNAPSHOT_CREATE_ERROR);
		}
		return VolumeInfos.of(made);
	}

	@Override
	public void deleteSnapshot(RequestContext context, SnapshotRef request) {
		Snapshot snapshot = this.store.beginSnapshotDelete(context, request.snapshotId(), (s) -> {
			if (!s.getHost().equals(this.identity.host())) {
				throw new WrongVolumeHostException(
						"Snapshot " + s.getId() + " is on volume host " + s.getHost() + ", not " + this.identity.host());
			}
		});
		Snapshot deleted = this.tasks.deleteSnapshot(snapshot);
		if (deleted.getStatus() == SnapshotStatus.ERROR_DELETING) {
			this.messages.record(context, Resource.VOLUME_SNAPSHOT, deleted.getId(), Action.SNAPSHOT_DELETE,
					Detail.SNAPSHOT_DELETE_ERROR);
		}
	}

	/**
	 * Cinder's {@code copy_volume_to_image}: the volume is {@code uploading} while the
	 * driver writes it to a hidden file of the image store, which gets the image's name
	 * only when complete; then the volume is back to {@code available} (or
	 * {@code in-use}). A failure leaves no image and is told by a user message, as in
	 * Cinder, where the API has already answered {@code 202}.
	 */
	@Override
	public VolumeInfo uploadToImage(RequestContext context, UploadToImage request) {
		if (!VolumeImages.isValidName(request.imageName())) {
			throw new InvalidInputException("'" + request.imageName() + "' cannot name an image: 1 to 255 characters, "
					+ "no '/' and no leading '.'.");
		}
		if (!VolumeImages.isStoredFormat(request.diskFormat())) {
			throw new InvalidInputException("disk_format " + request.diskFormat()
					+ " is not supported by this service; it must be one of " + VolumeImages.DISK_FORMATS + ".");
		}
		// names are the images' identities in the store, where Glance would allow a twin
		if (this.images.exists(request.imageName())) {
			throw new InvalidInputException("An image named '" + request.imageName() + "' already exists.");
		}
		// Cinder's enable_force_upload: off, force is ignored
		VolumeAction action = (request.force() && this.enableForceUpload) ? VolumeAction.UPLOAD_FORCED
				: VolumeAction.UPLOAD;
		Volume volume = this.store.begin(context, request.volumeId(), action, this::onThisHost);
		DriverTasks.Upload upload = this.tasks.upload(volume, request.imageName(), request.diskFormat());
		if (!upload.uploaded()) {
			this.messages.record(context, Resource.VOLUME, volume.getId(), Action.COPY_VOLUME_TO_IMAGE,
					Detail.FAILED_TO_UPLOAD_VOLUME);
		}
		return VolumeInfos.of(upload.volume());
	}

	@Override
	public VolumeInfo reserveVolume(RequestContext context, VolumeRef volume) {
		return VolumeInfos.of(this.store.begin(context, volume.volumeId(), VolumeAction.RESERVE, (v) -> {
		}));
	}

	@Override
	public VolumeInfo unreserveVolume(RequestContext context, VolumeRef volume) {
		return VolumeInfos.of(this.store.begin(context, volume.volumeId(), VolumeAction.UNRESERVE, (v) -> {
		}));
	}

	@Override
	public ConnectionInfo initializeConnection(RequestContext context, VolumeConnection request) {
		Volume volume = this.store.begin(context, request.volumeId(), VolumeAction.INITIALIZE_CONNECTION,
				this::onThisHost);
		VolumeDriver.Connection connection = this.driver.initializeConnection(BackingName.volume(volume.getId()));
		String host = (request.connector() != null) ? request.connector().host() : null;
		if (volume.getStatus() == VolumeStatus.IN_USE && host != null && !host.equals(volume.getAttachedHost())) {
			// Cinder's attachment_update: the attachment is on the host of its connector, once
			// that host is connected (the server moved: migrated, evacuated)
			this.store.begin(context, request.volumeId(), VolumeAction.INITIALIZE_CONNECTION, this::onThisHost,
					(v, now) -> {
						if (v.getStatus() == VolumeStatus.IN_USE) {
							v.moveAttachment(host);
						}
					});
		}
		return new ConnectionInfo(connection.driverVolumeType(),
				new ConnectionInfo.Data(volume.getId(), connection.devicePath(), "raw"));
	}

	@Override
	public void terminateConnection(RequestContext context, VolumeConnection request) {
		Volume volume = this.store.begin(context, request.volumeId(), VolumeAction.TERMINATE_CONNECTION,
				this::onThisHost);
		this.driver.terminateConnection(BackingName.volume(volume.getId()));
	}

	@Override
	public VolumeInfo attachVolume(RequestContext context, AttachVolume attachment) {
		if (attachment == null || attachment.instanceUuid() == null || attachment.instanceUuid().isBlank()) {
			throw new InvalidInputException("attach needs the instance_uuid of the server.");
		}
		if (attachment.mountpoint() == null || attachment.mountpoint().isBlank()) {
			throw new InvalidInputException("attach needs a mountpoint, such as /dev/vdb.");
		}
		return VolumeInfos.of(this.store.begin(context, attachment.volumeId(), VolumeAction.ATTACH, (v) -> {
		}, (v, now) -> v.attach(UUID.randomUUID().toString(), attachment.instanceUuid(), attachment.hostName(),
				attachment.mountpoint(), now)));
	}

	@Override
	public VolumeInfo beginDetaching(RequestContext context, VolumeRef volume) {
		return VolumeInfos.of(this.store.begin(context, volume.volumeId(), VolumeAction.BEGIN_DETACHING, (v) -> {
		}));
	}

	@Override
	public VolumeInfo rollDetaching(RequestContext context, VolumeRef volume) {
		return VolumeInfos.of(this.store.begin(context, volume.volumeId(), VolumeAction.ROLL_DETACHING, (v) -> {
		}));
	}

	@Override
	public VolumeInfo detachVolume(RequestContext context, VolumeRef volume) {
		return VolumeInfos.of(this.store.begin(context, volume.volumeId(), VolumeAction.DETACH, (v) -> {
		}, (v, now) -> v.detach()));
	}

	private Volume insert(RequestContext context, String id, Function<Instant, Volume> volume) {
		return insert(context, id, volume, (created, now) -> {
		});
	}

	private Volume insert(RequestContext context, String id, Function<Instant, Volume> volume,
			BiConsumer<Volume, Instant> then) {
		try {
			try {
				return this.store.insert(id, volume, then);
			}
			catch (VolumeQuotas.MissingQuotaRow ex) {
				// the project's first volume: its lock row first, once (the check changed nothing)
				this.quotas.prepare(context.projectId());
				return this.store.insert(id, volume, then);
			}
		}
		catch (DataIntegrityViolationException ex) {
			// the same id twice at the same time: the primary key refused the second
			throw VolumeTransactions.duplicate(id);
		}
	}

	public String host() {
		return this.identity.host();
	}

	private void onThisHost(Volume volume) {
		if (volume.getHost() != null && !volume.getHost().equals(this.identity.host())) {
			throw new WrongVolumeHostException("Volume " + volume.getId() + " is on volume host " + volume.getHost()
					+ ", not " + this.identity.host());
		}
	}

	private static void requireUuid(String what, String value) {
		if (value == null || !UUID_PATTERN.matcher(value).matches()) {
			throw new InvalidInputException(what + " must be a lower-case uuid, not '" + value + "'");
		}
	}

}
