package dev.novaboot.compute.manager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.novaboot.service.context.RequestContext;

/**
 * The compute tests' stand-in for nova-volume's {@code file} driver: a volume is the file
 * {@code volume-<id>} in {@code nova.compute.local.volume-directory}; a volume attached
 * to one instance cannot be attached to another. Attachments live in this process's
 * memory.
 */
public class LocalVolumeConnector implements VolumeConnector {

	private static final Pattern VOLUME_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

	private final Path directory;

	private final Map<String, String> attachedTo = new HashMap<>();

	// the host each volume's connection is on
	private final Map<String, String> connectedHost = new HashMap<>();

	public LocalVolumeConnector(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	@Override
	public boolean available() {
		return true;
	}

	@Override
	public synchronized VolumeConnectionInfo connect(RequestContext context, String volumeId, String instanceUuid,
			String host, String device) {
		Path file = file(volumeId);
		if (!Files.isRegularFile(file)) {
			throw new VolumeUnavailableException("Volume " + volumeId + " could not be found.", true);
		}
		String holder = this.attachedTo.get(volumeId);
		if (holder != null && !holder.equals(instanceUuid)) {
			throw new VolumeUnavailableException(
					"Invalid volume: volume " + volumeId + " is already attached to instance " + holder, false);
		}
		this.attachedTo.put(volumeId, instanceUuid);
		this.connectedHost.put(volumeId, host);
		return new VolumeConnectionInfo("local", new VolumeConnectionInfo.Data(volumeId, file.toString(), "raw"));
	}

	@Override
	public synchronized VolumeConnectionInfo moveConnection(RequestContext context, String volumeId,
			String instanceUuid, String fromHost, String toHost) {
		if (!instanceUuid.equals(this.attachedTo.get(volumeId))) {
			throw new VolumeUnavailableException("Volume " + volumeId + " is not attached to " + instanceUuid, false);
		}
		this.connectedHost.put(volumeId, toHost);
		return new VolumeConnectionInfo("local", new VolumeConnectionInfo.Data(volumeId, file(volumeId).toString(), "raw"));
	}

	/** The host a volume's connection is on, or null: what tests check. */
	public synchronized String connectedHost(String volumeId) {
		return this.connectedHost.get(volumeId);
	}

	@Override
	public synchronized void disconnect(RequestContext context, String volumeId, String instanceUuid, String host) {
		this.attachedTo.remove(volumeId, instanceUuid);
		this.connectedHost.remove(volumeId);
	}

	@Override
	public synchronized void checkAvailable(RequestContext context, String volumeId) {
		if (!Files.isRegularFile(file(volumeId))) {
			throw new VolumeUnavailableException("Volume " + volumeId + " could not be found.", true);
		}
		if (this.attachedTo.containsKey(volumeId)) {
			throw new VolumeUnavailableException("Invalid volume: volume '" + volumeId
					+ "' status must be 'available'. Currently in 'in-use'", false);
		}
	}

	/** The instance a volume is attached to, or null: what tests check. */
	public synchronized String attachedTo(String volumeId) {
		return this.attachedTo.get(volumeId);
	}

	private Path file(String volumeId) {
		if (volumeId == null || !VOLUME_ID.matcher(volumeId).matches()) {
			throw new VolumeUnavailableException("Volume " + volumeId + " could not be found.", true);
		}
		return this.directory.resolve("volume-" + volumeId);
	}

}
