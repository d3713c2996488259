package dev.novaboot.compute.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.novaboot.compute.manager.InstanceQueries.StateFilter;
import dev.novaboot.compute.manager.NetworkInfo;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.compute.store.VolumeAttachmentRecord;
import dev.novaboot.service.api.Microversion;

/**
 * A server as Nova's API shows it, from an instance row: {@code status} derived from
 * vm and task state as Nova's {@code _STATE_MAP} does, the {@code OS-EXT-STS},
 * {@code OS-EXT-SRV-ATTR} attributes, {@code addresses} from the network info, and the
 * {@code fault} of an instance in error.
 */
final class ServerView {

	private ServerView() {
	}

	/** Nova's status for a vm state and task state (its {@code _STATE_MAP}). */
	static String status(Instance instance) {
		return status(instance.getVmState(), instance.getTaskState());
	}

	private static String status(VmState vmState, TaskState task) {
		return switch (vmState) {
			case BUILDING -> "BUILD";
			case ACTIVE -> (task == TaskState.REBOOTING) ? "REBOOT" : (task == TaskState.MIGRATING) ? "MIGRATING"
					: rebuilding(task) ? "REBUILD" : resizing(task) ? "RESIZE" : "ACTIVE";
			case STOPPED -> rebuilding(task) ? "REBUILD" : resizing(task) ? "RESIZE" : "SHUTOFF";
			case PAUSED -> (task == TaskState.MIGRATING) ? "MIGRATING" : "PAUSED";
			case SUSPENDED -> "SUSPENDED";
			case RESIZED -> (task == TaskState.RESIZE_REVERTING) ? "REVERT_RESIZE" : "VERIFY_RESIZE";
			case SOFT_DELETED -> "SOFT_DELETED";
			case ERROR -> rebuilding(task) ? "REBUILD" : "ERROR";
			case DELETED -> "DELETED";
		};
	}

	private static boolean rebuilding(TaskState task) {
		return task == TaskState.REBUILDING || task == TaskState.REBUILD_BLOCK_DEVICE_MAPPING
				|| task == TaskState.REBUILD_SPAWNING;
	}

	private static boolean resizing(TaskState task) {
		return task == TaskState.RESIZE_PREP || task == TaskState.RESIZE_MIGRATING || task == TaskState.RESIZE_MIGRATED
				|| task == TaskState.RESIZE_FINISH;
	}

	/**
	 * The states a {@code status} filter admits (several statuses: any of them), the
	 * inverse of {@link #status} as Nova's {@code task_and_vm_state_from_status} makes it:
	 * the vm states that show one of the statuses, and the task states that make them show
	 * it; when a status is a vm state's default (ACTIVE, SHUTOFF, ...), Nova filters on the
	 * vm states alone, so {@code ACTIVE} also admits an active server that is rebooting. A
	 * status that nothing shows admits nothing.
	 */
	static StateFilter statusFilter(Collection<String> statuses) {
		Set<String> wanted = new HashSet<>();
		statuses.forEach((status) -> wanted.add(status.toUpperCase(Locale.ROOT)));
		Set<VmState> vmStates = EnumSet.noneOf(VmState.class);
		Set<TaskState> taskStates = EnumSet.noneOf(TaskState.class);
		boolean byDefault = false;
		for (VmState vmState : VmState.values()) {
			String shownByDefault = status(vmState, null);
			if (wanted.contains(shownByDefault)) {
				vmStates.add(vmState);
				byDefault = true;
			}
			for (TaskState task : TaskState.values()) {
				String shown = status(vmState, task);
				if (wanted.contains(shown) && !shown.equals(shownByDefault)) {
					vmStates.add(vmState);
					taskStates.add(task);
				}
			}
		}
		return new StateFilter(vmStates, byDefault ? null : taskStates);
	}

	static Map<String, Object> summary(Instance instance) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", instance.getUuid());
		view.put("name", instance.getName());
		view.put("links", Links.of("servers", instance.getUuid()));
		return view;
	}

	/**
	 * What a server's detail shows beyond its row, by the caller and the microversion.
	 * @param version the request's microversion
	 * @param admin whether the caller is an admin: the {@code OS-EXT-SRV-ATTR} attributes
	 * and {@code host_status} are for admins only (Nova's default policy)
	 * @param hostStatus Nova's {@code host_status} of the server's host (2.16)
	 * @param tags the server's tags (2.26)
	 * @param flavorName the name of the flavor it was booted with (2.47)
	 * @param flavorExtraSpecs that flavor's extra specs at boot (2.47)
	 * @param metadata the server's metadata
	 */
	record Shown(Microversion version, boolean admin, String hostStatus, List<String> tags, String flavorName,
			Map<String, String> flavorExtraSpecs, Map<String, String> metadata) {

		/** What is shown of a server whose metadata is not at hand: none. */
		Shown(Microversion version, boolean admin, String hostStatus, List<String> tags, String flavorName,
				Map<String, String> flavorExtraSpecs) {
			this(version, admin, hostStatus, tags, flavorName, flavorExtraSpecs, Map.of());
		}

	}

	static Map<String, Object> detail(Instance instance, NetworkInfo networkInfo, List<VolumeAttachmentRecord> volumes,
			Shown shown) {
		Microversion version = shown.version();
		Map<String, Object> view = summary(instance);
		view.put("status", status(instance));
		view.put("tenant_id", instance.getProjectId());
		view.put("user_id", instance.getUserId());
		view.put("metadata", shown.metadata());
		view.put("hostId", hostId(instance));
		view.put("image", Map.of("id", instance.getImageRef(), "links", imageLinks(instance.getImageRef())));
		view.put("flavor", flavor(instance, shown));
		view.put("created", NovaTime.format(instance.getCreatedAt()));
		view.put("updated", NovaTime.format(instance.getUpdatedAt()));
		view.put("addresses", addresses(networkInfo));
		view.put("accessIPv4", (instance.getAccessIpV4() != null) ? instance.getAccessIpV4() : "");
		view.put("accessIPv6", (instance.getAccessIpV6() != null) ? instance.getAccessIpV6() : "");
		view.put("progress", 0);
		view.put("key_name", instance.getKeyName());
		view.put("config_drive", "");
		// Nova reads them off the server's ports: a server without ports shows none
		if (!networkInfo.vifs().isEmpty()) {
			view.put("security_groups",
					instance.getSecurityGroups().stream().map((group) -> Map.of("name", group)).toList());
		}
		view.put("OS-DCF:diskConfig", "MANUAL");
		// the zone it was placed in; rows from before zones were recorded were in the default one
		view.put("OS-EXT-AZ:availability_zone", (instance.getAvailabilityZone() != null)
				? instance.getAvailabilityZone() : (instance.getHost() != null) ? "nova" : "");
		view.put("OS-EXT-STS:vm_state", instance.getVmState().value());
		view.put("OS-EXT-STS:task_state", (instance.getTaskState() != null) ? instance.getTaskState().value() : null);
		view.put("OS-EXT-STS:power_state", instance.getPowerState().code());
		if (shown.admin()) {
			view.put("OS-EXT-SRV-ATTR:host", instance.getHost());
			view.put("OS-EXT-SRV-ATTR:hypervisor_hostname", instance.getHost());
			view.put("OS-EXT-SRV-ATTR:instance_name", String.format("instance-%08x", instance.getId()));
			if (version.isAtLeast(2, 3)) {
				view.put("OS-EXT-SRV-ATTR:reservation_id", reservationId(instance));
				view.put("OS-EXT-SRV-ATTR:launch_index", 0);
				view.put("OS-EXT-SRV-ATTR:hostname",
						(instance.getHostname() != null) ? instance.getHostname() : instance.getName());
				// no kernel or ramdisk images, no user data: whole-disk images only
				view.put("OS-EXT-SRV-ATTR:kernel_id", "");
				view.put("OS-EXT-SRV-ATTR:ramdisk_id", "");
				view.put("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda");
				view.put("OS-EXT-SRV-ATTR:user_data", null);
			}
		}
		view.put("OS-SRV-USG:launched_at", NovaTime.format(instance.getLaunchedAt()));
		view.put("OS-SRV-USG:terminated_at", NovaTime.format(instance.getDeletedAt()));
		// attached volumes are never deleted with the server here
		view.put("os-extended-volumes:volumes_attached", volumes.stream()
			.map((volume) -> version.isAtLeast(2, 3)
					? Map.<String, Object>of("id", volume.getVolumeId(), "delete_on_termination", false)
					: Map.<String, Object>of("id", volume.getVolumeId()))
			.toList());
		if (version.isAtLeast(2, 9)) {
			view.put("locked", instance.isLocked());
		}
		if (version.isAtLeast(2, 16) && shown.admin()) {
			view.put("host_status", shown.hostStatus());
		}
		if (version.isAtLeast(2, 19)) {
			view.put("description", instance.getDescription());
		}
		if (version.isAtLeast(2, 26)) {
			view.put("tags", shown.tags());
		}
		if (instance.getFaultMessage() != null && "ERROR".equals(status(instance))) {
			view.put("fault", Map.of("code", instance.getFaultCode(), "message", instance.getFaultMessage(), "created",
					NovaTime.format(instance.getFaultAt())));
		}
		return view;
	}

	// the flavor as a link before 2.47, the sizes the server was booted with from 2.47
	private static Map<String, Object> flavor(Instance instance, Shown shown) {
		if (!shown.version().isAtLeast(2, 47)) {
			return Map.of("id", instance.getFlavorId(), "links", Links.of("flavors", instance.getFlavorId()));
		}
		Map<String, Object> flavor = new LinkedHashMap<>();
		flavor.put("vcpus", instance.getVcpus());
		flavor.put("ram", instance.getMemoryMb());
		flavor.put("disk", instance.getRootGb());
		flavor.put("ephemeral", 0);
		flavor.put("swap", 0);
		flavor.put("original_name", shown.flavorName());
		flavor.put("extra_specs", shown.flavorExtraSpecs());
		return flavor;
	}

	// rows recorded before reservation ids were: one made from the uuid, stable across calls
	private static String reservationId(Instance instance) {
		return (instance.getReservationId() != null) ? instance.getReservationId()
				: "r-" + instance.getUuid().replace("-", "").substring(0, 8);
	}

	/**
	 * The server's addresses by network label, as {@code /servers/{id}/ips} shows them:
	 * version and address only (Nova's addresses view without the extended attributes).
	 */
	static Map<String, List<Map<String, Object>>> ips(NetworkInfo networkInfo) {
		Map<String, List<Map<String, Object>>> addresses = new LinkedHashMap<>();
		for (NetworkInfo.Vif vif : networkInfo.vifs()) {
			List<Map<String, Object>> list = addresses.computeIfAbsent(vif.network().label(), (label) -> new ArrayList<>());
			for (NetworkInfo.Subnet subnet : vif.network().subnets()) {
				for (NetworkInfo.FixedIp ip : subnet.ips()) {
					list.add(Map.of("version", ip.version(), "addr", ip.address()));
				}
			}
		}
		return addresses;
	}

	private static Map<String, List<Map<String, Object>>> addresses(NetworkInfo networkInfo) {
		Map<String, List<Map<String, Object>>> addresses = new LinkedHashMap<>();
		for (NetworkInfo.Vif vif : networkInfo.vifs()) {
			List<Map<String, Object>> list = addresses.computeIfAbsent(vif.network().label(), (label) -> new ArrayList<>());
			for (NetworkInfo.Subnet subnet : vif.network().subnets()) {
				for (NetworkInfo.FixedIp ip : subnet.ips()) {
					list.add(Map.of("version", ip.version(), "addr", ip.address(), "OS-EXT-IPS:type", ip.type(),
							"OS-EXT-IPS-MAC:mac_addr", vif.address()));
				}
			}
		}
		return addresses;
	}

	private static List<Map<String, String>> imageLinks(String imageId) {
		return List.of(Map.of("rel", "bookmark", "href", Links.base() + "/images/" + imageId));
	}

	// Nova's hostId: an opaque per-project hash of the host, so tenants can tell co-location
	private static String hostId(Instance instance) {
		if (instance.getHost() == null) {
			return "";
		}
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-224");
			return HexFormat.of()
				.formatHex(sha.digest((instance.getProjectId() + instance.getHost()).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
