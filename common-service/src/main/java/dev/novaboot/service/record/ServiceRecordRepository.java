package dev.novaboot.service.record;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live (not deleted) rows of the {@code services} table.
 */
public interface ServiceRecordRepository extends JpaRepository<ServiceRecord, Long> {

	@Query("select s from ServiceRecord s where s.host = :host and s.binary = :binary and s.deleted = 0")
	Optional<ServiceRecord> findLive(@Param("host") String host, @Param("binary") String binary);

	@Query("select s from ServiceRecord s where s.uuid = :uuid and s.deleted = 0")
	Optional<ServiceRecord> findLiveByUuid(@Param("uuid") String uuid);

	@Query("select s from ServiceRecord s where s.deleted = 0 order by s.id")
	List<ServiceRecord> findAllLive();

	@Query("select s from ServiceRecord s where s.topic = :topic and s.deleted = 0 order by s.id")
	List<ServiceRecord> findLiveByTopic(@Param("topic") String topic);

	/** The live service of {@code topic} on {@code host}: one row, however many hosts the topic has. */
	Optional<ServiceRecord> findFirstByTopicAndHostAndDeletedOrderByIdAsc(String topic, String host, long deleted);

	default Optional<ServiceRecord> findLiveByTopicAndHost(String topic, String host) {
		return findFirstByTopicAndHostAndDeletedOrderByIdAsc(topic, host, 0);
	}

	/**
	 * One heartbeat: both timestamps come from the database's clock, so that hosts with
	 * skewed clocks neither flap nor look up when they are not.
	 * @return 1, or 0 when the row is gone (deleted by an operator)
	 */
	@Transactional
	@Modifying
	@Query("update ServiceRecord s set s.reportCount = s.reportCount + 1, s.lastSeenUp = instant, "
			+ "s.updatedAt = instant where s.id = :id and s.deleted = 0")
	int reportState(@Param("id") long id);

}
