package dev.novaboot.service.rpc.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcApi;

/**
 * What other services may ask of a compute host's manager (Nova's
 * {@code nova.compute.rpcapi.ComputeAPI}), addressed to {@code compute.<host>}: the
 * instance must live on that host. Casts ({@code void}) return at once and the manager
 * records the outcome in the instance's states; calls return a result.
 */
@RpcApi(topic = "compute", version = "1.7")
public interface ComputeRpcApi {

	/** Builds a scheduled instance: networks, volumes, then the driver's spawn (a cast). */
	void runInstance(RequestContext context, RunInstance request);

	/** Destroys the guest, releases its addresses and volumes, marks it deleted (a cast). */
	void terminateInstance(RequestContext context, InstanceRef instance);

	/** Reboots the guest, {@code SOFT} or {@code HARD} (a cast). */
	void rebootInstance(RequestContext context, RebootInstance request);

	/** Powers the guest off (a cast). */
	void stopInstance(RequestContext context, InstanceRef instance);

	/** Powers the guest on (a cast). */
	void startInstance(RequestContext context, InstanceRef instance);

	/**
	 * Injects a non-maskable interrupt into the guest, on which its OS may dump its memory
	 * (Nova's {@code trigger_crash_dump}; a cast; since 1.1).
	 */
	void triggerCrashDump(RequestContext context, InstanceRef instance);

	/**
	 * Rebuilds the guest from the image the API recorded, keeping its addresses and
	 * volumes (a cast; since 1.2).
	 */
	void rebuildInstance(RequestContext context, RebuildInstance request);

	/** Pauses the guest in memory (a cast; since 1.2). */
	void pauseInstance(RequestContext context, InstanceRef instance);

	/** Lets a paused guest run again (a cast; since 1.2). */
	void unpauseInstance(RequestContext context, InstanceRef instance);

	/** Saves the guest's state and stops it (a cast; since 1.2). */
	void suspendInstance(RequestContext context, InstanceRef instance);

	/** Starts a suspended guest again from its saved state (a cast; since 1.2). */
	void resumeInstance(RequestContext context, InstanceRef instance);

	/**
	 * Resizes the guest to a new flavor on this host (Nova's {@code prep_resize},
	 * {@code resize_instance} and {@code finish_resize} on one host): the instance ends in
	 * {@code resized}, awaiting confirm or revert (a cast; since 1.2).
	 */
	void prepResize(RequestContext context, ResizeInstance request);

	/** Keeps the new flavor and drops what a revert would need (a cast; since 1.2). */
	void confirmResize(RequestContext context, InstanceRef instance);

	/** Goes back to the flavor before the resize (a cast; since 1.2). */
	void revertResize(RequestContext context, InstanceRef instance);

	/** Powers the guest off and keeps it for a later restore or reclaim (a cast; since 1.2). */
	void softDeleteInstance(RequestContext context, InstanceRef instance);

	/** Powers a soft-deleted guest on again (a cast; since 1.2). */
	void restoreInstance(RequestContext context, InstanceRef instance);

	/** Connects the volume and hot-plugs it into the guest (a call: the device comes back). */
	VolumeAttachment attachVolume(RequestContext context, AttachVolume request);

	/** Unplugs the volume from the guest and disconnects it (a call). */
	void detachVolume(RequestContext context, DetachVolume request);

	/**
	 * Gives the instance one more network interface and hot-plugs it (Nova's
	 * {@code attach_interface}, a call): the port comes from the network service, and is
	 * given back when the driver cannot plug it. A refusal is an answer naming Nova's
	 * exception (since 1.4).
	 */
	InterfaceAttachment attachInterface(RequestContext context, AttachInterface request);

	/**
	 * Unplugs the interface and gives its port back: deleted when the network service made
	 * it, unbound when the user gave it (Nova's {@code detach_interface}, a cast; since 1.4).
	 */
	void detachInterface(RequestContext context, DetachInterface request);

	/** The last lines of the guest's serial console (a call). */
	ConsoleOutput getConsoleOutput(RequestContext context, GetConsoleOutput request);

	/**
	 * Whether the instance exists and is not deleted: how other services (the network
	 * service releasing addresses of vanished instances) ask, since they never read the
	 * compute tables themselves.
	 */
	boolean instanceExists(RequestContext context, InstanceRef instance);

	/**
	 * Something another service changed about one of the host's instances (Nova's
	 * {@code external_instance_event}, a cast): {@code network-changed} from the network
	 * service, as Neutron sends it to Nova, after a floating IP of one of the instance's
	 * ports was associated, moved or released; the host reads the instance's network info
	 * again. Since 1.3.
	 */
	void externalInstanceEvent(RequestContext context, ExternalInstanceEvent event);

	/**
	 * The source's half of a cold migration (Nova's {@code resize_instance}, a cast; since
	 * 1.5): the guest powered off and its disk handed over, then {@code finish_resize} cast
	 * to the destination.
	 */
	void resizeInstance(RequestContext context, MigrateInstance request);

	/**
	 * The destination's half (Nova's {@code finish_resize}, a cast; since 1.5): the ports
	 * bound and the volumes connected here, the guest started from the migrated disk, the
	 * instance's host this one, {@code resized} awaiting confirm or revert.
	 */
	void finishResize(RequestContext context, MigrateInstance request);

	/**
	 * The source's half of a revert (Nova's {@code finish_revert_resize}, a cast; since 1.5),
	 * after the destination dropped its guest: the ports and volumes back here, the guest
	 * that was kept powered on again if it ran.
	 */
	void finishRevertResize(RequestContext context, MigrateInstance request);

	/**
	 * The source's side of a live migration (Nova's {@code live_migration}, a cast; since
	 * 1.7): asks the destination to get ready ({@link #preLiveMigration}), moves the running
	 * guest there, then has the destination take the instance
	 * ({@link #postLiveMigrationAtDestination}) and drops its own guest. On a failure the
	 * guest keeps running here and the destination is told to roll back.
	 */
	void liveMigration(RequestContext context, MigrateInstance request);

	/**
	 * The destination gets ready to receive the guest (Nova's {@code pre_live_migration},
	 * a call; since 1.7): the instance's volumes connected here and a guest waiting for the
	 * incoming state; the answer says where the source sends it.
	 */
	LiveMigrateData preLiveMigration(RequestContext context, MigrateInstance request);

	/**
	 * The guest runs here now (Nova's {@code post_live_migration_at_destination}, a call;
	 * since 1.7): the ports bound to this host, the instance's host this one, no task.
	 */
	void postLiveMigrationAtDestination(RequestContext context, MigrateInstance request);

	/**
	 * The migration failed or was aborted: the guest waiting here goes (Nova's
	 * {@code rollback_live_migration_at_destination}, a cast; since 1.7).
	 */
	void rollbackLiveMigrationAtDestination(RequestContext context, MigrateInstance request);

	/**
	 * Cancels the running live migration of the instance (Nova's
	 * {@code live_migration_abort}, a cast to the source; since 1.7): the guest stays here.
	 */
	void liveMigrationAbort(RequestContext context, MigrateInstance request);

	/**
	 * Makes the running live migration finish (Nova's
	 * {@code live_migration_force_complete}, a cast to the source; since 1.7): the guest is
	 * paused so that its memory stops changing and the copy catches up.
	 */
	void liveMigrationForceComplete(RequestContext context, MigrateInstance request);

	/**
	 * Where the source sends a live guest's state: {@code uri} a QEMU migration URI such as
	 * {@code tcp:192.0.2.10:49152}, {@code null} for a driver that needs none.
	 */
	record LiveMigrateData(String uri) {
	}

	/** An instance by uuid. */
	record InstanceRef(@JsonProperty("instance_uuid") String instanceUuid) {
	}

	/**
	 * @param instanceUuid the instance, already recorded and scheduled to the receiving host
	 * @param requestedNetworks the networks asked for; empty means "whatever the network
	 * service gives by default"
	 * @param blockDevices existing volumes to attach at boot
	 */
	record RunInstance(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("requested_networks") List<RequestedNetwork> requestedNetworks,
			@JsonProperty("block_devices") List<BlockDevice> blockDevices) {

		public RunInstance {
			requestedNetworks = (requestedNetworks != null) ? List.copyOf(requestedNetworks) : List.of();
			blockDevices = (blockDevices != null) ? List.copyOf(blockDevices) : List.of();
		}

	}

	/** An existing volume to attach (Nova's block device mapping, {@code source_type=volume}). */
	record BlockDevice(@JsonProperty("volume_id") String volumeId, @JsonProperty("device_name") String deviceName) {
	}

	/** @param type {@code SOFT} or {@code HARD} */
	record RebootInstance(@JsonProperty("instance_uuid") String instanceUuid, String type) {
	}

	/** @param device the device name asked for, or null to let the host choose */
	record AttachVolume(@JsonProperty("instance_uuid") String instanceUuid, @JsonProperty("volume_id") String volumeId,
			String device) {
	}

	record DetachVolume(@JsonProperty("instance_uuid") String instanceUuid, @JsonProperty("volume_id") String volumeId) {
	}

	/** A volume attached to an instance, as the {@code os-volume_attachments} API shows it. */
	record VolumeAttachment(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("volume_id") String volumeId, String device) {
	}

	/**
	 * An interface attach as Nova's compute RPC carries it: at most one of
	 * {@code network_id} and {@code port_id}, neither for the project's one network.
	 *
	 * @param requestedIp the fixed IP wanted on {@code network_id}, or {@code null}
	 * @param tag the device tag (microversion 2.49), kept with the interface
	 */
	record AttachInterface(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("network_id") String networkId, @JsonProperty("port_id") String portId,
			@JsonProperty("requested_ip") String requestedIp, String tag) {
	}

	record DetachInterface(@JsonProperty("instance_uuid") String instanceUuid, @JsonProperty("port_id") String portId) {
	}

	/**
	 * The host's answer to an interface attach: the port plugged in, or a refusal named as
	 * Nova's exception ({@code InterfaceAttachFailed} when the driver could not plug it, the
	 * network service's reasons such as {@code PortInUse} or {@code NetworkNotFound},
	 * {@code InstanceInvalidState}) with its message.
	 */
	record InterfaceAttachment(String fault, String message, @JsonProperty("port_id") String portId) {

		public static InterfaceAttachment attached(String portId) {
			return new InterfaceAttachment(null, null, portId);
		}

		public static InterfaceAttachment refused(String fault, String message) {
			return new InterfaceAttachment(fault, message, null);
		}

		@JsonIgnore
		public boolean isAttached() {
			return this.fault == null;
		}

	}

	/**
	 * @param imageRef the image to rebuild from, already recorded in the instance
	 * @param origImageRef the image the guest ran before
	 * @param migrationUuid since 1.6, an evacuation (Nova's {@code recreate}): the guest is
	 * rebuilt on the receiving host, which is not the instance's (a host that is down), and
	 * the instance's ports and volumes move there; {@code null} for a rebuild in place
	 */
	record RebuildInstance(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("image_ref") String imageRef, @JsonProperty("orig_image_ref") String origImageRef,
			@JsonProperty("migration_uuid") String migrationUuid) {

		public RebuildInstance(String instanceUuid, String imageRef, String origImageRef) {
			this(instanceUuid, imageRef, origImageRef, null);
		}

		/** Whether this is an evacuation to the receiving host. */
		@JsonIgnore
		public boolean isEvacuation() {
			return this.migrationUuid != null;
		}

	}

	/**
	 * The flavor to resize to, whole, as Nova sends it: a flavor deleted after the request
	 * still resizes the guest to what the user asked for.
	 */
	record ResizeInstance(@JsonProperty("instance_uuid") String instanceUuid, @JsonProperty("flavor_id") String flavorId,
			@JsonProperty("flavor_name") String flavorName, int vcpus, @JsonProperty("memory_mb") int memoryMb,
			@JsonProperty("root_gb") int rootGb, @JsonProperty("extra_specs") String extraSpecs) {
	}

	/** An instance and the migration (its uuid in {@code migrations}) that moves it. */
	record MigrateInstance(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("migration_uuid") String migrationUuid) {
	}

	/** @param length how many lines from the end, or null for all */
	record GetConsoleOutput(@JsonProperty("instance_uuid") String instanceUuid, Integer length) {
	}

	record ConsoleOutput(String output) {
	}

	/**
	 * @param name Nova's event name; only {@code network-changed} is sent
	 * @param tag the port whose change it is, as Neutron tags it
	 */
	record ExternalInstanceEvent(@JsonProperty("instance_uuid") String instanceUuid, String name, String tag) {

		public static final String NETWORK_CHANGED = "network-changed";

		public static ExternalInstanceEvent networkChanged(String instanceUuid, String portUuid) {
			return new ExternalInstanceEvent(instanceUuid, NETWORK_CHANGED, portUuid);
		}

	}

}
