package dev.novaboot.service.record;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.QueryHint;

import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live (not deleted) rows of the {@code services} table: the entity's restriction
 * hides deleted rows from every query here, updates included.
 */
public interface ServiceRecordRepository extends JpaRepository<ServiceRecord, Long> {

	/** The database's clock less {@code :downMillis}, in SQL that H2 and PostgreSQL share. */
	String NOW_MINUS_DOWN_TIME = "CURRENT_TIMESTAMP - CAST(:downMillis AS BIGINT) * INTERVAL '0.001' SECOND";

	/** The database's clock plus {@code :downMillis}. */
	String NOW_PLUS_DOWN_TIME = "CURRENT_TIMESTAMP + CAST(:downMillis AS BIGINT) * INTERVAL '0.001' SECOND";

	@Query("select s from ServiceRecord s where s.host = :host and s.binary = :binary")
	Optional<ServiceRecord> findLive(@Param("host") String host, @Param("binary") String binary);

	@Query("select s from ServiceRecord s where s.uuid = :uuid")
	Optional<ServiceRecord> findLiveByUuid(@Param("uuid") String uuid);

	@Query("select s from ServiceRecord s order by s.id")
	List<ServiceRecord> findAllLive();

	@Query("select s from ServiceRecord s where s.topic = :topic order by s.id")
	List<ServiceRecord> findLiveByTopic(@Param("topic") String topic);

	/**
	 * Whether a live service is up, as SQL: its last heartbeat (its creation before the
	 * first) within {@code :downMillis} of the database's clock, in either direction, and
	 * not forced down. The one place where the native queries below say "up"; the service
	 * group's {@code isUp} says the same of one row in Java. Written on the columns
	 * themselves, not on {@code COALESCE(last_seen_up, created_at)}, so that PostgreSQL
	 * estimates it from their statistics (most services are up) and the scheduler's
	 * candidates are read in the order of the free-RAM index, stopping after a few,
	 * instead of sorting every node (230 ms against 0.2 ms at 50,000 nodes).
	 */
	String UP = "s.deleted = 0 AND s.forced_down = FALSE AND (s.last_seen_up BETWEEN " + NOW_MINUS_DOWN_TIME
			+ " AND " + NOW_PLUS_DOWN_TIME + " OR s.last_seen_up IS NULL AND s.created_at BETWEEN "
			+ NOW_MINUS_DOWN_TIME + " AND " + NOW_PLUS_DOWN_TIME + ")";

	/** The up, enabled services of {@code topic}, decided in the database. */
	@Query(value = "SELECT s.* FROM services s WHERE s.topic = :topic AND s.disabled = FALSE AND " + UP
			+ " ORDER BY s.id", nativeQuery = true)
	List<ServiceRecord> findUpByTopic(@Param("topic") String topic, @Param("downMillis") long downMillis);

	/**
	 * At most {@code limit} up, enabled services of {@code topic} with an id above
	 * {@code afterId}, in id order: a window that an RPC sender walks through the topic
	 * with, however many services the topic has.
	 */
	@Query(value = "SELECT s.* FROM services s WHERE s.topic = :topic AND s.disabled = FALSE AND s.id > :afterId AND "
			+ UP + " ORDER BY s.id LIMIT :limit", nativeQuery = true)
	List<ServiceRecord> findUpByTopicAfter(@Param("topic") String topic, @Param("downMillis") long downMillis,
			@Param("afterId") long afterId, @Param("limit") int limit);

	/** Every up service of {@code topic}, disabled ones too (a fanout reaches them all). */
	@Query(value = "SELECT s.* FROM services s WHERE s.topic = :topic AND " + UP + " ORDER BY s.id",
			nativeQuery = true)
	List<ServiceRecord> findUpByTopicIncludingDisabled(@Param("topic") String topic,
			@Param("downMillis") long downMillis);

	/** The up service of {@code binary} with an RPC endpoint heard from last, if any. */
	@Query(value = "SELECT s.* FROM services s WHERE s.\"binary\" = :binary AND s.rpc_endpoint IS NOT NULL AND " + UP
			+ " ORDER BY COALESCE(s.last_seen_up, s.created_at) DESC, s.id DESC LIMIT 1", nativeQuery = true)
	List<ServiceRecord> findLatestUpByBinary(@Param("binary") String binary, @Param("downMillis") long downMillis);

	/** The live services of {@code binary}, in id order, read only (the os-services filter). */
	@Query("select s from ServiceRecord s where s.binary = :binary order by s.id")
	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	List<ServiceRecord> findLiveByBinary(@Param("binary") String binary);

	/** The live services on {@code host}, in id order, read only (the os-services filter). */
	@Query("select s from ServiceRecord s where s.host = :host order by s.id")
	@QueryHints(@QueryHint(name = HibernateHints.HINT_READ_ONLY, value = "true"))
	List<ServiceRecord> findLiveByHost(@Param("host") String host);

	/** The live services of {@code binary} on {@code hosts}: a page of hypervisors' services in one query. */
	@Query("select s from ServiceRecord s where s.binary = :binary and s.host in :hosts")
	List<ServiceRecord> findLiveByBinaryAndHostIn(@Param("binary") String binary,
			@Param("hosts") java.util.Collection<String> hosts);

	/**
	 * Each zone of the live services of {@code topic} with how many of them are enabled, in
	 * zone order: the availability zone list in one grouped query.
	 */
	@Query("select s.zone, sum(case when s.disabled = false then 1 else 0 end) from ServiceRecord s "
			+ "where s.topic = :topic group by s.zone order by s.zone")
	List<Object[]> countEnabledByZone(@Param("topic") String topic);

	/** The zones the live services of {@code topic} are in (a handful, whatever the host count). */
	@Query("select distinct s.zone from ServiceRecord s where s.topic = :topic order by s.zone")
	List<String> findZonesByTopic(@Param("topic") String topic);

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
