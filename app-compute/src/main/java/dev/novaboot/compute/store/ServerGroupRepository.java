package dev.novaboot.compute.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The server groups, and what the scheduler asks about their members.
 */
public interface ServerGroupRepository extends JpaRepository<ServerGroupRecord, Long> {

	Optional<ServerGroupRecord> findByUuid(String uuid);

	/** The group, locked until the transaction ends: its members are placed one at a time. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select g from ServerGroupRecord g where g.uuid = :uuid")
	Optional<ServerGroupRecord> lockByUuid(@Param("uuid") String uuid);

	List<ServerGroupRecord> findByProjectIdOrderById(String projectId);

	List<ServerGroupRecord> findAllByOrderById();

	long countByProjectId(String projectId);

	/** Which of {@code uuids} are live instances. */
	@Query("select i.uuid from Instance i where i.uuid in :uuids")
	List<String> liveInstances(@Param("uuids") Collection<String> uuids);

	/** How many of {@code uuids} are live instances of {@code user}. */
	@Query("select count(i) from Instance i where i.uuid in :uuids and i.userId = :user")
	long countLiveOfUser(@Param("uuids") Collection<String> uuids, @Param("user") String userId);

	/** The hosts of the live instances among {@code uuids}. */
	@Query("select i.host from Instance i where i.uuid in :uuids and i.host is not null")
	List<String> hostsOf(@Param("uuids") Collection<String> uuids);

	/** The groups {@code instance} is a member of. */
	@Query("select g from ServerGroupRecord g join g.members m where m = :instance")
	List<ServerGroupRecord> findByMember(@Param("instance") String instanceUuid);

}
