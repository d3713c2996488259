package dev.novaboot.service.record;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live (not deleted) rows of the {@code services} table: the entity's restriction
 * hides deleted rows from every query here, updates included.
 */
public interface ServiceRecordRepository extends JpaRepository<ServiceRecord, Long> {

	@Query("select s from ServiceRecord s where s.host = :host and s.binary = :binary")
	Optional<ServiceRecord> findLive(@Param("host") String host, @Param("binary") String binary);

	@Query("select s from ServiceRecord s where s.uuid = :uuid")
	Optional<ServiceRecord> findLiveByUuid(@Param("uuid") String uuid);

	@Query("select s from ServiceRecord s order by s.id")
	List<ServiceRecord> findAllLive();

	@Query("select s from ServiceRecord s where s.topic = :topic order by s.id")
	List<ServiceRecord> findLiveByTopic(@Param("topic") String topic);

	/** The live service of {@code topic} on {@code host}: one row, however many hosts the topic has. */
	Optional<ServiceRecord> findFirstByTopicAndHostOrderByIdAsc(String topic, String host);

	/**
	 * One heartbeat: both timestamps come from the database's clock, so that hosts with
	 * skewed clocks neither flap nor look up when they are not.
	 * @return 1, or 0 when the row is gone (deleted by an operator)
	 */
	@Transactional
	@Modifying
	@Query("update ServiceRecord s set s.reportCount = s.reportCount + 1, s.lastSeenUp = instant, "
			+ "s.updatedAt = instant where s.id = :id")
	int reportState(@Param("id") long id);

}
