package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.novaboot.compute.driver.PowerState;
import dev.novaboot.service.record.ServiceRecordRepository;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The live (not deleted) rows of the {@code instances} table: the entity's restriction
 * hides deleted rows from every query and update here.
 */
public interface InstanceRepository extends JpaRepository<Instance, Long>, InstanceListing {

	@Query("select i from Instance i where i.uuid = :uuid")
	Optional<Instance> findLive(@Param("uuid") String uuid);

	@Query("select i from Instance i where i.host = :host order by i.id")
	List<Instance> findLiveByHost(@Param("host") String host);

	boolean existsByHost(String host);

	/**
	 * The uuid and host of each live instance still {@code building} that has not changed
	 * for {@code graceMillis} and that no up compute service will finish: it never got a
	 * host, or its host's compute service is down (on the database's clock). Only those rows
	 * are read, however many instances and hosts there are.
	 */
	@Query(value = "SELECT i.uuid, i.host FROM instances i WHERE i.deleted = 0 AND i.vm_state = 'building' "
			+ "AND i.updated_at < CURRENT_TIMESTAMP - CAST(:graceMillis AS BIGINT) * INTERVAL '0.001' SECOND "
			+ "AND (i.host IS NULL OR NOT EXISTS (SELECT 1 FROM services s WHERE s.host = i.host "
			+ "AND s.topic = 'compute' AND " + ServiceRecordRepository.UP + ")) ORDER BY i.id", nativeQuery = true)
	List<Object[]> findStaleBuildsOfDeadHosts(@Param("graceMillis") long graceMillis,
			@Param("downMillis") long downMillis);

	/** Starts a task if the instance is in one of {@code vmStates} and no task runs; 1 or 0. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.taskState = :task, i.updatedAt = :now where i.uuid = :uuid "
			+ "and i.vmState in :vmStates and i.taskState is null")
	int beginTask(@Param("uuid") String uuid, @Param("vmStates") Collection<VmState> vmStates,
			@Param("task") TaskState task, @Param("now") Instant now);

	/** Starts deleting whatever else runs, unless a delete already does; 1 or 0. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.taskState = :task, i.updatedAt = :now where i.uuid = :uuid "
			+ "and i.vmState in :vmStates and (i.taskState is null or i.taskState <> :task)")
	int beginDelete(@Param("uuid") String uuid, @Param("vmStates") Collection<VmState> vmStates,
			@Param("task") TaskState task, @Param("now") Instant now);

	/** Ends the task {@code expected} with these states, unless another task replaced it. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.vmState = :vmState, i.powerState = :powerState, i.taskState = null, "
			+ "i.updatedAt = :now where i.uuid = :uuid and i.taskState = :expected")
	int completeTask(@Param("uuid") String uuid, @Param("expected") TaskState expected,
			@Param("vmState") VmState vmState, @Param("powerState") PowerState powerState, @Param("now") Instant now);

	/**
	 * {@link #completeTask} of a spawn: the instance becomes {@code vmState} and is
	 * launched now, in the same update; 1 or 0.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.vmState = :vmState, i.powerState = :powerState, i.taskState = null, "
			+ "i.launchedAt = :now, i.updatedAt = :now where i.uuid = :uuid and i.taskState = :expected")
	int completeLaunch(@Param("uuid") String uuid, @Param("expected") TaskState expected,
			@Param("vmState") VmState vmState, @Param("powerState") PowerState powerState, @Param("now") Instant now);

	/** Records the instance's network info (Nova's info cache); 1, or 0 when it is gone. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.networkInfo = :networkInfo, i.updatedAt = :now where i.uuid = :uuid")
	int recordNetworkInfo(@Param("uuid") String uuid, @Param("networkInfo") String networkInfo,
			@Param("now") Instant now);

	/**
	 * Puts the instance in error with a fault, unless it is being deleted; 1 or 0. The
	 * message is cut to what {@code fault_message} holds.
	 */
	default int fail(String uuid, Collection<VmState> fromStates, VmState error, TaskState deleting, int code,
			String message, Instant now) {
		return failUnlessDeleting(uuid, fromStates, error, deleting, code, Instance.fittedFaultMessage(message), now);
	}

	/** {@link #fail} as one conditional update; call {@link #fail}, which fits the message to the column. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.vmState = :error, i.taskState = null, i.faultCode = :code, "
			+ "i.faultMessage = :message, i.faultAt = :now, i.updatedAt = :now where i.uuid = :uuid "
			+ "and i.vmState in :fromStates and (i.taskState is null or i.taskState <> :deleting)")
	int failUnlessDeleting(@Param("uuid") String uuid, @Param("fromStates") Collection<VmState> fromStates,
			@Param("error") VmState error, @Param("deleting") TaskState deleting, @Param("code") int code,
			@Param("message") String message, @Param("now") Instant now);

	/** Records the guest's power state read from the driver when no task runs. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.powerState = :powerState, i.updatedAt = :now where i.uuid = :uuid "
			+ "and i.taskState is null and i.powerState <> :powerState")
	int syncPowerState(@Param("uuid") String uuid, @Param("powerState") PowerState powerState,
			@Param("now") Instant now);

	/** An active instance whose guest stopped by itself is stopped (Nova's power-state sync). */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.vmState = :stopped, i.updatedAt = :now where i.uuid = :uuid "
			+ "and i.taskState is null and i.vmState = :active")
	int stopActive(@Param("uuid") String uuid, @Param("active") VmState active, @Param("stopped") VmState stopped,
			@Param("now") Instant now);

	/** Moves a task on to its next step if it is still at {@code from}; 1 or 0. */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Instance i set i.taskState = :to, i.updatedAt = :now where i.uuid = :uuid and i.taskState = :from")
	int advanceTask(@Param("uuid") String uuid, @Param("from") TaskState from, @Param("to") TaskState to,
			@Param("now") Instant now);

	/** The uuids of a host's instances in {@code softDeleted} with no task, soft-deleted before {@code before}. */
	@Query("select i.uuid from Instance i where i.host = :host and i.vmState = :softDeleted and i.taskState is null "
			+ "and i.softDeletedAt < :before order by i.id")
	List<String> findSoftDeletedBefore(@Param("host") String host, @Param("softDeleted") VmState softDeleted,
			@Param("before") Instant before);

}
