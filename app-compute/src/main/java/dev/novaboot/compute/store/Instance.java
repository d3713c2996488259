package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.service.store.SoftDeletedEntity;

/**
 * A row of {@code instances}: plain data. The flavor's sizes are copied at boot, as Nova
 * does, so that a flavor changed later does not change what the instance holds. Only
 * the manager's {@code InstanceStates} changes rows (the setters are public because it
 * lives in {@code manager/}).
 */
@Entity
@Table(name = "instances")
public class Instance extends SoftDeletedEntity {

	/** The group a server is in when its boot named none (Nova's and Neutron's {@code default}). */
	public static final String DEFAULT_SECURITY_GROUP = "default";

	/** {@code instances.fault_message VARCHAR(1024)}. */
	static final int FAULT_MESSAGE_LENGTH = 1024;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String uuid;

	private String name;

	@Column(name = "project_id")
	private String projectId;

	@Column(name = "user_id")
	private String userId;

	private String host;

	@Column(name = "flavor_id")
	private String flavorId;

	private int vcpus;

	@Column(name = "memory_mb")
	private int memoryMb;

	@Column(name = "root_gb")
	private int rootGb;

	@Column(name = "image_ref")
	private String imageRef;

	@Column(name = "vm_state")
	@Convert(converter = StateConverters.VmStateConverter.class)
	private VmState vmState;

	@Column(name = "task_state")
	@Convert(converter = StateConverters.TaskStateConverter.class)
	private TaskState taskState;

	@Column(name = "power_state")
	@Convert(converter = StateConverters.PowerStateConverter.class)
	private PowerState powerState;

	@Column(name = "fault_code")
	private Integer faultCode;

	@Column(name = "fault_message", length = FAULT_MESSAGE_LENGTH)
	private String faultMessage;

	@Column(name = "fault_at")
	private Instant faultAt;

	@Column(name = "network_info", length = 16000)
	private String networkInfo;

	@Column(name = "launched_at")
	private Instant launchedAt;

	@Column(name = "reservation_id")
	private String reservationId;

	private String hostname;

	private String description;

	@Column(name = "flavor_name")
	private String flavorName;

	@Column(name = "flavor_extra_specs", length = 16000)
	private String flavorExtraSpecs;

	@Column(name = "availability_zone")
	private String availabilityZone;

	@Column(name = "key_name")
	private String keyName;

	@Column(name = "key_data", length = 16000)
	private String keyData;

	// by name, as the boot and the security group actions gave them (V9); null: the default group
	@Convert(converter = NameListConverter.class)
	@Column(name = "security_groups", length = 4000)
	private List<String> securityGroups;

	// the server actions' state (V6)
	private boolean locked;

	@Column(name = "locked_by")
	private String lockedBy;

	@Column(name = "old_flavor_id")
	private String oldFlavorId;

	@Column(name = "old_flavor_name")
	private String oldFlavorName;

	@Column(name = "old_vcpus")
	private Integer oldVcpus;

	@Column(name = "old_memory_mb")
	private Integer oldMemoryMb;

	@Column(name = "old_root_gb")
	private Integer oldRootGb;

	@Column(name = "old_flavor_extra_specs", length = 16000)
	private String oldFlavorExtraSpecs;

	@Column(name = "soft_deleted_at")
	private Instant softDeletedAt;

	@Column(name = "access_ip_v4")
	private String accessIpV4;

	@Column(name = "access_ip_v6")
	private String accessIpV6;

	protected Instance() {
	}

	public Instance(String uuid, String name, String projectId, String userId, String flavorId, int vcpus, int memoryMb,
			int rootGb, String imageRef, Instant now) {
		super(now);
		this.uuid = uuid;
		this.name = name;
		this.projectId = projectId;
		this.userId = userId;
		this.flavorId = flavorId;
		this.vcpus = vcpus;
		this.memoryMb = memoryMb;
		this.rootGb = rootGb;
		this.imageRef = imageRef;
		this.vmState = VmState.BUILDING;
		this.powerState = PowerState.NOSTATE;
	}

	/**
	 * What the API records with a new instance beyond its sizes: Nova's reservation id
	 * and hostname, the user's description, the flavor's name.
	 */
	public void describe(String reservationId, String hostname, String description, String flavorName) {
		this.reservationId = reservationId;
		this.hostname = hostname;
		this.description = description;
		this.flavorName = flavorName;
	}

	/** Null for instances recorded before the column existed. */
	public String getReservationId() {
		return this.reservationId;
	}

	/** Null for instances recorded before the column existed. */
	public String getHostname() {
		return this.hostname;
	}

	public String getDescription() {
		return this.description;
	}

	/** The flavor's extra specs at boot, as JSON; null for instances recorded before the column existed. */
	public String getFlavorExtraSpecs() {
		return this.flavorExtraSpecs;
	}

	public void setFlavorExtraSpecs(String flavorExtraSpecs) {
		this.flavorExtraSpecs = flavorExtraSpecs;
	}

	/** Null for instances recorded before the column existed. */
	public String getFlavorName() {
		return this.flavorName;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public String getName() {
		return this.name;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getUserId() {
		return this.userId;
	}

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = host;
	}

	/** The zone of the host the scheduler chose; null until then. */
	public String getAvailabilityZone() {
		return this.availabilityZone;
	}

	public void setAvailabilityZone(String availabilityZone) {
		this.availabilityZone = availabilityZone;
	}

	/** The key pair the server was booted with, if any, and its public key (for the guest). */
	public String getKeyName() {
		return this.keyName;
	}

	public String getKeyData() {
		return this.keyData;
	}

	/** The server's security groups by name; the project's {@code default} group unless others were asked for. */
	public List<String> getSecurityGroups() {
		return (this.securityGroups != null) ? this.securityGroups : List.of(DEFAULT_SECURITY_GROUP);
	}

	public void setSecurityGroups(List<String> names) {
		this.securityGroups = List.copyOf(names);
	}

	public void setKey(String keyName, String keyData) {
		this.keyName = keyName;
		this.keyData = keyData;
	}

	public String getFlavorId() {
		return this.flavorId;
	}

	public int getVcpus() {
		return this.vcpus;
	}

	public int getMemoryMb() {
		return this.memoryMb;
	}

	public int getRootGb() {
		return this.rootGb;
	}

	public String getImageRef() {
		return this.imageRef;
	}

	public VmState getVmState() {
		return this.vmState;
	}

	public void setVmState(VmState vmState) {
		this.vmState = vmState;
	}

	public TaskState getTaskState() {
		return this.taskState;
	}

	public void setTaskState(TaskState taskState) {
		this.taskState = taskState;
	}

	public PowerState getPowerState() {
		return this.powerState;
	}

	public void setPowerState(PowerState powerState) {
		this.powerState = powerState;
	}

	public Integer getFaultCode() {
		return this.faultCode;
	}

	public String getFaultMessage() {
		return this.faultMessage;
	}

	public Instant getFaultAt() {
		return this.faultAt;
	}

	/**
	 * The part of a fault message that fits {@code fault_message}: the one truncation, used
	 * by the column's one writer ({@link InstanceRepository#fail}), so that a long
	 * exception message never makes the write itself fail.
	 */
	static String fittedFaultMessage(String message) {
		return (message != null && message.length() > FAULT_MESSAGE_LENGTH)
				? message.substring(0, FAULT_MESSAGE_LENGTH) : message;
	}

	public String getNetworkInfo() {
		return this.networkInfo;
	}

	public void setNetworkInfo(String networkInfo) {
		this.networkInfo = networkInfo;
	}

	public Instant getLaunchedAt() {
		return this.launchedAt;
	}

	public void setLaunchedAt(Instant launchedAt) {
		this.launchedAt = launchedAt;
	}

	/** Deletes the row softly, Nova's way: {@code deleted} takes the row's id. */
	public void markDeleted(Instant now) {
		markDeleted(this.id, now);
	}

	public boolean isLocked() {
		return this.locked;
	}

	/** {@code owner} or {@code admin} while locked (Nova's {@code locked_by}), null otherwise. */
	public String getLockedBy() {
		return this.lockedBy;
	}

	/** Locks the instance for {@code lockedBy}, or unlocks it with null. */
	public void setLock(String lockedBy) {
		this.locked = lockedBy != null;
		this.lockedBy = lockedBy;
	}

	public void setImageRef(String imageRef) {
		this.imageRef = imageRef;
	}

	public void setName(String name) {
		this.name = name;
	}

	/** The IPv4 address the user says the server is reached at (Nova's accessIPv4); null when none. */
	public String getAccessIpV4() {
		return this.accessIpV4;
	}

	/** The IPv6 address the user says the server is reached at (Nova's accessIPv6); null when none. */
	public String getAccessIpV6() {
		return this.accessIpV6;
	}

	/** What a user may change of a server ({@code PUT /servers/{id}}); null keeps a value, as an absent field does. */
	public void edit(String name, String accessIpV4, String accessIpV6) {
		if (name != null) {
			this.name = name;
		}
		if (accessIpV4 != null) {
			this.accessIpV4 = accessIpV4;
		}
		if (accessIpV6 != null) {
			this.accessIpV6 = accessIpV6;
		}
	}

	/** The description, which may be set to null (2.19). */
	public void setDescription(String description) {
		this.description = description;
	}

	/** The flavor before a resize, while it waits to be confirmed or reverted; null otherwise. */
	public String getOldFlavorId() {
		return this.oldFlavorId;
	}

	public Integer getOldVcpus() {
		return this.oldVcpus;
	}

	public Integer getOldMemoryMb() {
		return this.oldMemoryMb;
	}

	public Integer getOldRootGb() {
		return this.oldRootGb;
	}

	/**
	 * Takes the new flavor's sizes and keeps the current ones as the old flavor (Nova's
	 * {@code finish_resize}).
	 */
	public void resize(String flavorId, String flavorName, int vcpus, int memoryMb, int rootGb, String extraSpecs) {
		this.oldFlavorId = this.flavorId;
		this.oldFlavorName = this.flavorName;
		this.oldVcpus = this.vcpus;
		this.oldMemoryMb = this.memoryMb;
		this.oldRootGb = this.rootGb;
		this.oldFlavorExtraSpecs = this.flavorExtraSpecs;
		setFlavor(flavorId, flavorName, vcpus, memoryMb, rootGb, extraSpecs);
	}

	/** Back to the old flavor (a revert). */
	public void revertResize() {
		setFlavor(this.oldFlavorId, this.oldFlavorName, this.oldVcpus, this.oldMemoryMb, this.oldRootGb,
				this.oldFlavorExtraSpecs);
		confirmResize();
	}

	/** The old flavor is no longer needed (a confirm). */
	public void confirmResize() {
		this.oldFlavorId = null;
		this.oldFlavorName = null;
		this.oldVcpus = null;
		this.oldMemoryMb = null;
		this.oldRootGb = null;
		this.oldFlavorExtraSpecs = null;
	}

	private void setFlavor(String flavorId, String flavorName, int vcpus, int memoryMb, int rootGb,
			String extraSpecs) {
		this.flavorId = flavorId;
		this.flavorName = flavorName;
		this.vcpus = vcpus;
		this.memoryMb = memoryMb;
		this.rootGb = rootGb;
		this.flavorExtraSpecs = extraSpecs;
	}

	/** When the server was soft-deleted, null unless it is {@code soft-delete}. */
	public Instant getSoftDeletedAt() {
		return this.softDeletedAt;
	}

	public void setSoftDeletedAt(Instant softDeletedAt) {
		this.softDeletedAt = softDeletedAt;
	}

	/** The reservation id shared by the servers of one multiple create. */
	public void setReservationId(String reservationId) {
		this.reservationId = reservationId;
	}

}
