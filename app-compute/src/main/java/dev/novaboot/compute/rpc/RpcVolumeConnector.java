package dev.novaboot.compute.rpc;

import dev.novaboot.compute.manager.VolumeConnectionInfo;
import dev.novaboot.compute.manager.VolumeConnector;
import dev.novaboot.compute.manager.VolumeUnavailableException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.rpc.RemoteRpcException;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.RpcApi;
import dev.novaboot.service.rpc.RpcException;
import dev.novaboot.service.rpc.api.ConnectionInfo;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.service.rpc.api.VolumeRpcApi;
import dev.novaboot.service.rpc.api.VolumeRpcApi.AttachVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeConnection;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;

/**
 * Volumes from the volume service, in Nova's order: reserve the volume, ask its host for
 * the connection (for the file driver: the path of the volume's file), record the
 * attachment; and the reverse to disconnect. A failure after the reservation releases it,
 * so the volume goes back to {@code available}.
 */
public class RpcVolumeConnector implements VolumeConnector {

	private final Rpc rpc;

	private final ServiceGroup serviceGroup;

	public RpcVolumeConnector(Rpc rpc, ServiceGroup serviceGroup) {
		this.rpc = rpc;
		this.serviceGroup = serviceGroup;
	}

	@Override
	public boolean available() {
		return !this.serviceGroup.upServices(VolumeRpcApi.class.getAnnotation(RpcApi.class).topic()).isEmpty();
	}

	@Override
	public VolumeConnectionInfo connect(RequestContext context, String volumeId, String instanceUuid, String host,
			String device) {
		VolumeRpcApi volumeHost = volumeHost(context, volumeId);
		VolumeRef volume = new VolumeRef(volumeId);
		reach(() -> volumeHost.reserveVolume(context, volume));
		try {
			ConnectionInfo connection = reach(() -> volumeHost.initializeConnection(context,
					new VolumeConnection(volumeId, new dev.novaboot.service.rpc.api.VolumeConnector(host, null))));
			reach(() -> volumeHost.attachVolume(context, new AttachVolume(volumeId, instanceUuid, device, host)));
			return new VolumeConnectionInfo(connection.driverVolumeType(), new VolumeConnectionInfo.Data(
					connection.data().volumeId(), connection.data().devicePath(), connection.data().format()));
		}
		catch (RuntimeException ex) {
			try {
				volumeHost.unreserveVolume(context, volume);
			}
			catch (RuntimeException unreserve) {
				ex.addSuppressed(unreserve);
			}
			throw ex;
		}
	}

	@Override
	public VolumeConnectionInfo moveConnection(RequestContext context, String volumeId, String instanceUuid,
			String fromHost, String toHost) {
		VolumeRpcApi volumeHost = volumeHost(context, volumeId);
		ConnectionInfo connection = reach(() -> volumeHost.initializeConnection(context,
				new VolumeConnection(volumeId, new dev.novaboot.service.rpc.api.VolumeConnector(toHost, null))));
		// the old host's connection goes once the new one is there; a source that is down is
		// told anyway, the volume's host keeps the connectors, not the source
		reach(() -> {
			volumeHost.terminateConnection(context,
					new VolumeConnection(volumeId, new dev.novaboot.service.rpc.api.VolumeConnector(fromHost, null)));
			return null;
		});
		return new VolumeConnectionInfo(connection.driverVolumeType(), new VolumeConnectionInfo.Data(
				connection.data().volumeId(), connection.data().devicePath(), connection.data().format()));
	}

	@Override
	public void disconnect(RequestContext context, String volumeId, String instanceUuid, String host) {
		VolumeRpcApi volumeHost = volumeHost(context, volumeId);
		VolumeRef volume = new VolumeRef(volumeId);
		reach(() -> volumeHost.beginDetaching(context, volume));
		reach(() -> {
			volumeHost.terminateConnection(context,
					new VolumeConnection(volumeId, new dev.novaboot.service.rpc.api.VolumeConnector(host, null)));
			return null;
		});
		reach(() -> volumeHost.detachVolume(context, volume));
	}

	@Override
	public void checkAvailable(RequestContext context, String volumeId) {
		VolumeInfo volume = reach(() -> this.rpc.call(VolumeRpcApi.class).getVolume(context, new VolumeRef(volumeId)));
		// another project's volume is no volume to the caller
		if (!context.isAdmin() && !volume.projectId().equals(context.projectId())) {
			throw new VolumeUnavailableException("Volume " + volumeId + " could not be found.", true);
		}
		if (!"available".equals(volume.status())) {
			throw new VolumeUnavailableException("Invalid volume: volume '" + volumeId
					+ "' status must be 'available'. Currently in '" + volume.status() + "'", false);
		}
	}

	/** The manager of the host that holds the volume (any volume service knows which). */
	private VolumeRpcApi volumeHost(RequestContext context, String volumeId) {
		VolumeInfo volume = reach(() -> this.rpc.call(VolumeRpcApi.class).getVolume(context, new VolumeRef(volumeId)));
		return this.rpc.call(VolumeRpcApi.class, volume.host());
	}

	private static <T> T reach(java.util.function.Supplier<T> work) {
		try {
			return work.get();
		}
		catch (RemoteRpcException ex) {
			boolean missing = ex.getRemoteType().endsWith("NotFoundException");
			throw new VolumeUnavailableException(ex.getRemoteMessage(), missing);
		}
		catch (RpcException ex) {
			throw new VolumeUnavailableException("The volume service cannot be reached: " + ex.getMessage(), false);
		}
	}

}
