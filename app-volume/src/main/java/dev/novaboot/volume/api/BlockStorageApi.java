package dev.novaboot.volume.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.image.StoredImage;
import dev.novaboot.service.rpc.api.ConnectionInfo;
import dev.novaboot.service.rpc.api.SnapshotCreate;
import dev.novaboot.service.rpc.api.SnapshotInfo;
import dev.novaboot.service.rpc.api.VolumeConnector;
import dev.novaboot.service.rpc.api.VolumeCreate;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.service.rpc.api.VolumeRpcApi;
import dev.novaboot.service.rpc.api.VolumeRpcApi.AttachVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.ExtendVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.SnapshotRef;
import dev.novaboot.service.rpc.api.VolumeRpcApi.UploadToImage;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeConnection;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;
import dev.novaboot.volume.manager.BackendFreezes;
import dev.novaboot.volume.manager.InvalidInputException;
import dev.novaboot.volume.manager.InvalidVolumeException;
import dev.novaboot.volume.manager.ListPage;
import dev.novaboot.volume.manager.SnapshotDetails;
import dev.novaboot.volume.manager.VolumeDetails;
import dev.novaboot.volume.manager.VolumeImages;
import dev.novaboot.volume.manager.VolumeInfos;
import dev.novaboot.volume.manager.VolumeAction;
import dev.novaboot.volume.manager.VolumeManager;
import dev.novaboot.volume.manager.VolumeQueries;
import dev.novaboot.volume.manager.VolumeQueries.VolumeFilter;
import dev.novaboot.volume.manager.VolumeScheduler;
import dev.novaboot.volume.manager.VolumeScheduler.NoValidHostException;
import dev.novaboot.volume.manager.VolumeUpdates;
import dev.novaboot.volume.rpc.VolumeHostDispatcher;
import dev.novaboot.volume.store.Snapshot;
import dev.novaboot.volume.store.SnapshotStatus;
import dev.novaboot.volume.store.Volume;
import dev.novaboot.volume.store.VolumeStatus;

import org.springframework.stereotype.Component;

/**
 * What the Block Storage API does behind the HTTP layer (Cinder's {@code volume/api.py}):
 * reads volumes and snapshots the caller may see through {@link VolumeQueries}, and sends
 * every change to the manager of the volume's host, picked by the scheduler for a new
 * volume.
 */
@Component
class BlockStorageApi {

	private static final Set<SnapshotStatus> DELETABLE_SNAPSHOTS = EnumSet.of(SnapshotStatus.AVAILABLE,
			SnapshotStatus.ERROR, SnapshotStatus.ERROR_DELETING);

	private final VolumeQueries queries;

	private final VolumeScheduler scheduler;

	private final VolumeHostDispatcher dispatcher;

	private final VolumeManager localManager;

	private final VolumeUpdates updates;

	private final BackendFreezes freezes;

	private final VolumeImages images;

	BlockStorageApi(VolumeQueries queries, VolumeScheduler scheduler, VolumeHostDispatcher dispatcher,
			VolumeManager localManager, VolumeUpdates updates, BackendFreezes freezes, VolumeImages images) {
		this.images = images;
		this.queries = queries;
		this.freezes = freezes;
		this.updates = updates;
		this.scheduler = scheduler;
		this.dispatcher = dispatcher;
		this.localManager = localManager;
	}

	/** The image of the store that an {@code imageRef} names (its id, URL or name); Cinder's {@code 400} if none. */
	StoredImage image(String imageRef) {
		return this.images.resolve(imageRef);
	}

	/**
	 * Uploads the volume as an image on its host ({@code os-volume_upload_image}) and
	 * returns the volume as it is then.
	 */
	VolumeDetails uploadToImage(RequestContext context, UploadToImage request) {
		managerOf(context, request.volumeId()).uploadToImage(context, request);
		return this.queries.volumeDetails(context, request.volumeId());
	}

	/**
	 * Creates a volume of a type the caller has read: {@code backendName} is its
	 * {@code volume_backend_name} ({@code null}: none), which the scheduler then asks for.
	 */
	VolumeDetails create(RequestContext context, VolumeCreate request, String backendName) {
		if (request.snapshotId() != null) {
			// the snapshot's data is on its host: the new volume must be made there
			Snapshot source = visibleSnapshot(context, request.snapshotId());
			return createOn(context, source.getHost(), request);
		}
		if (request.sourceVolid() != null) {
			// a clone is made on its source's host, which holds the data
			Volume source = visibleVolume(context, request.sourceVolid());
			return createOn(context, source.getHost(), request);
		}
		if (request.availabilityZone() != null && !this.scheduler.isKnownZone(request.availabilityZone())) {
			throw new InvalidInputException("Availability zone '" + request.availabilityZone() + "' is invalid.");
		}
		String host;
		try {
			host = this.scheduler.selectHost(request.sizeGb(), request.availabilityZone(), backendName);
		}
		catch (NoValidHostException ex) {
			return shown(context, this.localManager.recordUnscheduled(context, request, ex.getMessage()));
		}
		return shown(context, this.dispatcher.host(host).createVolume(context, request));
	}

	/**
	 * A volume that must be made on {@code host}, which holds its data; a frozen host takes
	 * none, and the volume is recorded in {@code error} as when no host qualifies.
	 */
	private VolumeDetails createOn(RequestContext context, String host, VolumeCreate request) {
		if (this.freezes.isFrozen(host)) {
			return shown(context, this.localManager.recordUnscheduled(context, request,
					"No valid host was found: volume host " + host + ", which holds the source, is frozen."));
		}
		return shown(context, this.dispatcher.host(host).createVolume(context, request));
	}

	ListPage<VolumeDetails> list(RequestContext context, boolean allTenants, VolumeFilter filter,
			ListPage.Request page) {
		return this.queries.listVolumes(context, allTenants, filter, page);
	}

	VolumeDetails show(RequestContext context, String id) {
		return this.queries.volumeDetails(context, id);
	}

	void delete(RequestContext context, String id) {
		managerOfUnfrozen(context, id).deleteVolume(context, new VolumeRef(id));
	}

	/**
	 * Cinder's {@code cascade=true}: the volume's snapshots are deleted first, then the
	 * volume. Nothing is deleted unless the volume may be deleted and every snapshot is in
	 * a status that allows it.
	 */
	void deleteCascading(RequestContext context, String id) {
		Volume volume = visibleVolume(context, id);
		this.freezes.assertNotFrozen(volume.getHost());
		List<SnapshotInfo> snapshots = this.queries
			.listSnapshots(context, context.isAdmin(), null, id, ListPage.Request.ALL)
			.items()
			.stream()
			.map(SnapshotDetails::info)
			.toList();
		if (!VolumeAction.DELETE.isAllowedFrom(volume.getStatus())) {
			throw new InvalidVolumeException("Invalid volume: cannot delete volume " + id + " in status '"
					+ volume.getStatus().value() + "'; it must be one of "
					+ VolumeAction.DELETE.allowedFrom().stream().map(VolumeStatus::value).sorted().toList() + ".");
		}
		for (SnapshotInfo snapshot : snapshots) {
			if (!DELETABLE_SNAPSHOTS.contains(SnapshotStatus.of(snapshot.status()))) {
				throw new InvalidVolumeException("Invalid volume: Snapshot " + snapshot.id() + " of volume " + id
						+ " is " + snapshot.status() + "; a cascading delete needs every snapshot available or in error.");
			}
		}
		VolumeRpcApi manager = this.dispatcher.host(volume.getHost());
		snapshots.forEach((snapshot) -> manager.deleteSnapshot(context, new SnapshotRef(snapshot.id())));
		manager.deleteVolume(context, new VolumeRef(id));
	}

	VolumeDetails update(RequestContext context, String id, VolumeUpdates.Change change) {
		return this.updates.update(context, id, change);
	}

	Map<String, String> metadata(RequestContext context, String id) {
		return this.queries.volumeDetails(context, id).metadata();
	}

	Map<String, String> setMetadata(RequestContext context, String id, Map<String, String> metadata, boolean replace) {
		return this.updates.setMetadata(context, id, metadata, replace);
	}

	void deleteMetadata(RequestContext context, String id, String key) {
		this.updates.deleteMetadata(context, id, key);
	}

	void setBootable(RequestContext context, String id, boolean bootable) {
		this.updates.setBootable(context, id, bootable);
	}

	void setReadonly(RequestContext context, String id, boolean readonly) {
		this.updates.setReadonly(context, id, readonly);
	}

	SnapshotDetails updateSnapshot(RequestContext context, String id, VolumeUpdates.Change change) {
		return VolumeInfos.details(this.updates.updateSnapshot(context, id, change));
	}

	Map<String, String> snapshotMetadata(RequestContext context, String id) {
		return visibleSnapshot(context, id).getMetadata();
	}

	Map<String, String> setSnapshotMetadata(RequestContext context, String id, Map<String, String> metadata,
			boolean replace) {
		return this.updates.setSnapshotMetadata(context, id, metadata, replace);
	}

	void deleteSnapshotMetadata(RequestContext context, String id, String key) {
		this.updates.deleteSnapshotMetadata(context, id, key);
	}

	VolumeInfo extend(RequestContext context, String id, int newSizeGb) {
		return managerOfUnfrozen(context, id).extendVolume(context, new ExtendVolume(id, newSizeGb));
	}

	VolumeInfo reserve(RequestContext context, String id) {
		return managerOf(context, id).reserveVolume(context, new VolumeRef(id));
	}

	VolumeInfo unreserve(RequestContext context, String id) {
		return managerOf(context, id).unreserveVolume(context, new VolumeRef(id));
	}

	VolumeInfo attach(RequestContext context, AttachVolume attachment) {
		return managerOf(context, attachment.volumeId()).attachVolume(context, attachment);
	}

	VolumeInfo beginDetaching(RequestContext context, String id) {
		return managerOf(context, id).beginDetaching(context, new VolumeRef(id));
	}

	VolumeInfo rollDetaching(RequestContext context, String id) {
		return managerOf(context, id).rollDetaching(context, new VolumeRef(id));
	}

	VolumeInfo detach(RequestContext context, String id) {
		return managerOf(context, id).detachVolume(context, new VolumeRef(id));
	}

	ConnectionInfo initializeConnection(RequestContext context, String id, VolumeConnector connector) {
		return managerOf(context, id).initializeConnection(context, new VolumeConnection(id, connector));
	}

	void terminateConnection(RequestContext context, String id, VolumeConnector connector) {
		managerOf(context, id).terminateConnection(context, new VolumeConnection(id, connector));
	}

	SnapshotInfo createSnapshot(RequestContext context, SnapshotCreate request) {
		return managerOfUnfrozen(context, request.volumeId()).createSnapshot(context, request);
	}

	ListPage<SnapshotDetails> listSnapshots(RequestContext context, boolean allTenants, String status, String volumeId,
			ListPage.Request page) {
		return this.queries.listSnapshots(context, allTenants, status, volumeId, page);
	}

	SnapshotDetails showSnapshot(RequestContext context, String id) {
		return this.queries.snapshotDetails(context, id);
	}

	void deleteSnapshot(RequestContext context, String id) {
		Snapshot snapshot = visibleSnapshot(context, id);
		this.freezes.assertNotFrozen(snapshot.getHost());
		this.dispatcher.host(snapshot.getHost()).deleteSnapshot(context, new SnapshotRef(id));
	}

	/** The volume a manager answered with, read again as the API shows it (the row is in the shared database). */
	private VolumeDetails shown(RequestContext context, VolumeInfo volume) {
		return this.queries.volumeDetails(context, volume.id());
	}

	private VolumeRpcApi managerOf(RequestContext context, String volumeId) {
		return this.dispatcher.host(this.queries.visiblePlacement(context, volumeId).host());
	}

	/** The manager of a volume for a management operation, which a frozen host refuses (Cinder's {@code assert_not_frozen}). */
	private VolumeRpcApi managerOfUnfrozen(RequestContext context, String volumeId) {
		VolumeQueries.Placement placement = this.queries.visiblePlacement(context, volumeId);
		if (placement.frozen()) {
			throw new InvalidInputException(BackendFreezes.FROZEN);
		}
		return this.dispatcher.host(placement.host());
	}

	private Volume visibleVolume(RequestContext context, String id) {
		return this.queries.visibleVolume(context, id);
	}

	private Snapshot visibleSnapshot(RequestContext context, String id) {
		return this.queries.visibleSnapshot(context, id);
	}

}
