package dev.novaboot.compute.manager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceMetadataItem;
import dev.novaboot.compute.store.InstanceMetadataRepository;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a user records of a server beside its state: its name, description and access
 * addresses ({@code PUT /servers/{id}}), and its metadata, set at boot and changed while
 * the server is active or stopped with no task running (Nova's
 * {@code update_instance_metadata}).
 */
@Service
public class InstanceDetails {

	// Nova's check_instance_state for metadata: active, paused, suspended or stopped
	private static final Set<VmState> METADATA_CHANGEABLE = Set.of(VmState.ACTIVE, VmState.STOPPED);

	private final InstanceRepository instances;

	private final InstanceMetadataRepository metadata;

	private final DatabaseClock clock;

	InstanceDetails(InstanceRepository instances, InstanceMetadataRepository metadata, DatabaseClock clock) {
		this.instances = instances;
		this.metadata = metadata;
		this.clock = clock;
	}

	/**
	 * Records what a boot request gave beyond the sizes: the metadata, the access
	 * addresses and, for the second and later servers of one request, the reservation id
	 * they share with the first (null keeps the instance's own).
	 */
	@Transactional
	public void recordNew(String uuid, Map<String, String> metadata, String accessIpV4, String accessIpV6,
			String reservationId) {
		Instance instance = find(uuid);
		instance.edit(null, accessIpV4, accessIpV6);
		if (reservationId != null) {
			instance.setReservationId(reservationId);
		}
		metadata.forEach((key, value) -> this.metadata.save(new InstanceMetadataItem(uuid, key, value)));
	}

	/**
	 * What a rebuild gave besides its image (the rebuild's own state checks passed, and its
	 * task is under way): metadata replacing the server's, access addresses; null keeps each.
	 */
	@Transactional
	public void rebuilt(String uuid, Map<String, String> metadata, String accessIpV4, String accessIpV6) {
		Instance instance = find(uuid);
		instance.edit(null, accessIpV4, accessIpV6);
		if (metadata != null) {
			this.metadata.deleteAllOf(uuid);
			metadata.forEach((key, value) -> this.metadata.save(new InstanceMetadataItem(uuid, key, value)));
		}
		find(uuid).touch(this.clock.now());
	}

	/** Records the security groups a boot asked for, by the names it gave. */
	@Transactional
	public void recordSecurityGroups(String uuid, List<String> names) {
		find(uuid).setSecurityGroups(names);
	}

	/** Adds a group to the server's (once), as the {@code addSecurityGroup} action did. */
	@Transactional
	public void securityGroupAdded(String uuid, String name) {
		Instance instance = find(uuid);
		List<String> groups = new ArrayList<>(instance.getSecurityGroups());
		if (!groups.contains(name)) {
			groups.add(name);
			instance.setSecurityGroups(groups);
		}
	}

	/** Takes a group off the server's, as the {@code removeSecurityGroup} action did. */
	@Transactional
	public void securityGroupRemoved(String uuid, String name) {
		Instance instance = find(uuid);
		List<String> groups = new ArrayList<>(instance.getSecurityGroups());
		if (groups.remove(name)) {
			instance.setSecurityGroups(groups);
		}
	}

	/** Records the key pair a server was booted with and its public key, which its guest is given. */
	@Transactional
	public void recordKey(String uuid, String keyName, String publicKey) {
		find(uuid).setKey(keyName, publicKey);
	}

	/**
	 * Changes the name, the access addresses (null keeps each) and, when
	 * {@code describe} is true, the description (null clears it).
	 */
	@Transactional
	public Instance edit(String uuid, String name, String accessIpV4, String accessIpV6, boolean describe,
			String description) {
		Instance instance = find(uuid);
		instance.edit(name, accessIpV4, accessIpV6);
		if (describe) {
			instance.setDescription(description);
		}
		instance.touch(this.clock.now());
		return this.instances.saveAndFlush(instance);
	}

	/** The server's metadata, by key. */
	@Transactional(readOnly = true)
	public Map<String, String> metadata(String uuid) {
		Map<String, String> items = new LinkedHashMap<>();
		this.metadata.itemsOf(uuid).forEach((item) -> items.put(item.getKey(), item.getValue()));
		return items;
	}

	/** The metadata of several servers at once (a list's page), by server uuid. */
	@Transactional(readOnly = true)
	public Map<String, Map<String, String>> metadata(Collection<String> uuids) {
		if (uuids.isEmpty()) {
			return Map.of();
		}
		return this.metadata.itemsOf(uuids)
			.stream()
			.collect(Collectors.groupingBy(InstanceMetadataItem::getInstanceUuid, TreeMap::new,
					Collectors.toMap(InstanceMetadataItem::getKey, InstanceMetadataItem::getValue,
							(first, second) -> second, LinkedHashMap::new)));
	}

	/**
	 * Sets the given keys, and with {@code replace} removes every other key.
	 * @return the server's metadata after the change
	 * @throws InstanceInvalidStateException unless the server is active or stopped with no task
	 */
	@Transactional
	public Map<String, String> updateMetadata(String uuid, Map<String, String> items, boolean replace) {
		changeable(uuid, "update metadata");
		if (replace) {
			this.metadata.deleteAllOf(uuid);
		}
		items.forEach((key, value) -> this.metadata.findById(new InstanceMetadataItem.Key(uuid, key))
			.ifPresentOrElse((item) -> item.setValue(value),
					() -> this.metadata.save(new InstanceMetadataItem(uuid, key, value))));
		// read again: the bulk delete cleared the persistence context and what it held
		find(uuid).touch(this.clock.now());
		this.metadata.flush();
		return metadata(uuid);
	}

	/**
	 * @throws MetadataItemNotFoundException if the server has no such key
	 * @throws InstanceInvalidStateException unless the server is active or stopped with no task
	 */
	@Transactional
	public void deleteMetadataItem(String uuid, String key) {
		InstanceMetadataItem.Key id = new InstanceMetadataItem.Key(uuid, key);
		if (!this.metadata.existsById(id)) {
			throw new MetadataItemNotFoundException();
		}
		Instance instance = changeable(uuid, "delete metadata");
		this.metadata.deleteById(id);
		instance.touch(this.clock.now());
	}

	private Instance find(String uuid) {
		return this.instances.findLive(uuid).orElseThrow(() -> new InstanceNotFoundException(uuid));
	}

	private Instance changeable(String uuid, String action) {
		Instance instance = find(uuid);
		if (!METADATA_CHANGEABLE.contains(instance.getVmState())) {
			throw new InstanceInvalidStateException(action, uuid, "vm_state", instance.getVmState().value());
		}
		if (instance.getTaskState() != null) {
			throw new InstanceInvalidStateException(action, uuid, "task_state", instance.getTaskState().value());
		}
		return instance;
	}

	/** The server has no such metadata key (Nova's 404 "Metadata item was not found"). */
	public static class MetadataItemNotFoundException extends RuntimeException {

		public MetadataItemNotFoundException() {
			super("Metadata item was not found");
		}

	}

}
