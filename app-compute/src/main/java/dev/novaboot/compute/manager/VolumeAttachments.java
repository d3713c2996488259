package dev.novaboot.compute.manager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.driver.GuestVolume;
import dev.novaboot.compute.store.VolumeAttachmentRecord;
import dev.novaboot.compute.store.VolumeAttachmentRepository;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.rpc.api.ComputeRpcApi.BlockDevice;
import dev.novaboot.service.rpc.api.ComputeRpcApi.VolumeAttachment;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The volumes of this host's instances: connects them through the volume service, plugs
 * them in through the driver, records them in {@code volume_attachments}, and undoes all
 * three in reverse order. Device names are {@code /dev/vdb} onwards ({@code vda} is the
 * root disk), as Nova's libvirt driver names them.
 */
@Service
public class VolumeAttachments {

	private static final Pattern DEVICE = Pattern.compile("/dev/vd[b-z]");

	private final String host;

	private final ComputeDriver driver;

	private final VolumeConnector connector;

	private final VolumeAttachmentRepository repository;

	private final JsonMapper json;

	private final DatabaseClock clock;

	// each row is written in a transaction of its own: the volume service's RPC calls and
	// the driver's plugging, between the writes, must not hold a database transaction open
	private final TransactionTemplate transactions;

	public VolumeAttachments(ServiceIdentity identity, ComputeDriver driver, VolumeConnector connector,
			VolumeAttachmentRepository repository, JsonMapper json,
			DatabaseClock clock, PlatformTransactionManager transactionManager) {
		this.host = identity.host();
		this.driver = driver;
		this.connector = connector;
		this.repository = repository;
		this.json = json;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public List<VolumeAttachmentRecord> list(String instanceUuid) {
		return this.repository.findByInstanceUuidOrderById(instanceUuid);
	}

	/**
	 * The attachments of {@code instanceUuids} by instance, each in id order: one query for
	 * a page of servers (a page holds at most 1,000), not one per server.
	 */
	public Map<String, List<VolumeAttachmentRecord>> list(Collection<String> instanceUuids) {
		if (instanceUuids.isEmpty()) {
			return Map.of();
		}
		return this.repository.findByInstanceUuidInOrderById(instanceUuids)
			.stream()
			.collect(Collectors.groupingBy(VolumeAttachmentRecord::getInstanceUuid));
	}

	/** Connects the boot volumes and records them; the driver plugs them in at spawn. */
	public List<GuestVolume> connectAtBoot(RequestContext context, String instanceUuid, List<BlockDevice> devices) {
		List<GuestVolume> connected = new ArrayList<>();
		for (BlockDevice device : devices) {
			String name = chooseDevice(instanceUuid, device.deviceName());
			VolumeConnectionInfo info = this.connector.connect(context, device.volumeId(), instanceUuid, this.host, name);
			record(instanceUuid, device.volumeId(), name, info);
			connected.add(guestVolume(name, info));
		}
		return connected;
	}

	public VolumeAttachment attach(RequestContext context, String instanceUuid, String volumeId, String device) {
		if (this.repository.findByInstanceUuidAndVolumeId(instanceUuid, volumeId).isPresent()) {
			throw new InvalidVolumeAttachmentException("Invalid volume: volume " + volumeId + " is already attached to instance " + instanceUuid);
		}
		String name = chooseDevice(instanceUuid, device);
		VolumeConnectionInfo info = this.connector.connect(context, volumeId, instanceUuid, this.host, name);
		try {
			this.driver.attachVolume(instanceUuid, guestVolume(name, info));
		}
		catch (RuntimeException ex) {
			this.connector.disconnect(context, volumeId, instanceUuid, this.host);
			throw ex;
		}
		record(instanceUuid, volumeId, name, info);
		return new VolumeAttachment(instanceUuid, volumeId, name);
	}

	public void detach(RequestContext context, String instanceUuid, String volumeId) {
		VolumeAttachmentRecord attachment = this.repository.findByInstanceUuidAndVolumeId(instanceUuid, volumeId)
			.orElseThrow(() -> new VolumeNotAttachedException(volumeId, instanceUuid));
		this.driver.detachVolume(instanceUuid, guestVolume(attachment));
		this.connector.disconnect(context, volumeId, instanceUuid, this.host);
		this.transactions.executeWithoutResult((status) -> this.repository.delete(attachment));
	}

	/** Releases every volume of an instance whose guest is gone or going. */
	public void disconnectAll(RequestContext context, String instanceUuid) {
		for (VolumeAttachmentRecord attachment : list(instanceUuid)) {
			this.connector.disconnect(context, attachment.getVolumeId(), instanceUuid, this.host);
			this.transactions.executeWithoutResult((status) -> this.repository.delete(attachment));
		}
	}

	/**
	 * Moves the connections of the instance's volumes from {@code fromHost} to this host
	 * and records the new connection info: the volumes follow an instance that moved here.
	 */
	public void moveHere(RequestContext context, String instanceUuid, String fromHost) {
		for (VolumeAttachmentRecord attachment : list(instanceUuid)) {
			VolumeConnectionInfo info = this.connector.moveConnection(context, attachment.getVolumeId(), instanceUuid,
					fromHost, this.host);
			String connection = this.json.writeValueAsString(info);
			this.transactions.executeWithoutResult((status) -> this.repository.findById(attachment.getId())
				.ifPresent((row) -> {
					row.setConnectionInfo(connection);
					this.repository.save(row);
				}));
		}
	}

	/** The attached volumes as the driver plugs them in at the next start. */
	public List<GuestVolume> guestVolumes(String instanceUuid) {
		return list(instanceUuid).stream().map(this::guestVolume).toList();
	}

	private String chooseDevice(String instanceUuid, String requested) {
		Set<String> used = new HashSet<>();
		list(instanceUuid).forEach((attachment) -> used.add(attachment.getDevice()));
		if (requested != null && !requested.isBlank()) {
			if (!DEVICE.matcher(requested).matches()) {
				throw new InvalidVolumeAttachmentException("Invalid device name " + requested + ": use /dev/vdb to /dev/vdz.");
			}
			if (used.contains(requested)) {
				throw new InvalidVolumeAttachmentException("The supplied device path (" + requested + ") is in use.");
			}
			return requested;
		}
		for (char letter = 'b'; letter <= 'z'; letter++) {
			if (!used.contains("/dev/vd" + letter)) {
				return "/dev/vd" + letter;
			}
		}
		throw new InvalidVolumeAttachmentException("No free device name is left on instance " + instanceUuid + ".");
	}

	private void record(String instanceUuid, String volumeId, String device, VolumeConnectionInfo info) {
		this.transactions.executeWithoutResult((status) -> this.repository.save(new VolumeAttachmentRecord(instanceUuid,
				volumeId, device, this.json.writeValueAsString(info), this.clock.now())));
	}

	private GuestVolume guestVolume(VolumeAttachmentRecord attachment) {
		return guestVolume(attachment.getDevice(),
				this.json.readValue(attachment.getConnectionInfo(), VolumeConnectionInfo.class));
	}

	private static GuestVolume guestVolume(String device, VolumeConnectionInfo info) {
		return new GuestVolume(info.data().volumeId(), device, Path.of(info.data().devicePath()),
				(info.data().format() != null) ? info.data().format() : "raw");
	}

}
