package dev.novaboot.volume.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quota tables ({@code quotas}, {@code quota_projects}, {@code quota_reservations})
 * and the usage counted from the live volumes and snapshots of a project, by resource
 * name as Cinder names them ({@code volumes}, {@code gigabytes}, {@code snapshots}, and
 * per volume type {@code volumes_<type id>} here, which the caller renames).
 */
@Repository
public class QuotaStore {

	private final JdbcClient jdbc;

	QuotaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The limits set for the project, by resource. */
	public Map<String, Integer> limits(String projectId) {
		Map<String, Integer> limits = new HashMap<>();
		this.jdbc.sql("SELECT resource, hard_limit FROM quotas WHERE project_id = ?")
			.params(projectId)
			.query((rs, row) -> limits.put(rs.getString(1), rs.getInt(2)))
			.list();
		return limits;
	}

	/** Sets one limit; its own statement pair, inside the caller's transaction. */
	public void setLimit(String projectId, String resource, int limit) {
		int updated = this.jdbc.sql("UPDATE quotas SET hard_limit = ? WHERE project_id = ? AND resource = ?")
			.params(limit, projectId, resource)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO quotas (project_id, resource, hard_limit) VALUES (?, ?, ?)")
				.params(projectId, resource, limit)
				.update();
		}
	}

	public void deleteLimits(String projectId) {
		this.jdbc.sql("DELETE FROM quotas WHERE project_id = ?").params(projectId).update();
	}

	/**
	 * Makes sure the project has its lock row; called outside any other transaction (a
	 * refused insert aborts a PostgreSQL transaction), a concurrent insert of the same row
	 * is fine.
	 */
	public void ensureProject(String projectId) {
		try {
			this.jdbc.sql("INSERT INTO quota_projects (project_id) SELECT CAST(? AS VARCHAR(255)) WHERE NOT EXISTS "
					+ "(SELECT 1 FROM quota_projects WHERE project_id = ?)")
				.params(projectId, projectId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another request made it at the same moment
		}
	}

	/**
	 * Locks the project's row until the caller's transaction ends: every quota check of
	 * the project waits here, and counts what the one before it committed.
	 */
	public boolean lockProject(String projectId) {
		return !this.jdbc.sql("SELECT project_id FROM quota_projects WHERE project_id = ? FOR UPDATE")
			.params(projectId)
			.query(String.class)
			.list()
			.isEmpty();
	}

	/**
	 * Counts and sizes, by volume type id: {@code volumes}, {@code gigabytes}, {@code snapshots}
	 * and reserved gigabytes. One statement, so one snapshot of the database: an extend that
	 * ends (its reservation gone, its volume grown, in one commit) is seen either before or
	 * after, never half.
	 */
	public Map<String, Usage> usage(String projectId) {
		Map<String, Usage> usage = new HashMap<>();
		this.jdbc.sql("SELECT type_id, SUM(volume_count), SUM(gigabytes), SUM(snapshot_count), SUM(reserved) FROM ("
				+ "SELECT volume_type_id AS type_id, COUNT(*) AS volume_count, COALESCE(SUM(size_gb), 0) AS gigabytes, "
				+ "0 AS snapshot_count, 0 AS reserved FROM volumes WHERE project_id = ? AND deleted = 0 "
				+ "GROUP BY volume_type_id "
				+ "UNION ALL SELECT v.volume_type_id, 0, COALESCE(SUM(s.size_gb), 0), COUNT(*), 0 FROM snapshots s "
				+ "JOIN volumes v ON v.id = s.volume_id WHERE s.project_id = ? AND s.deleted = 0 "
				+ "GROUP BY v.volume_type_id "
				+ "UNION ALL SELECT volume_type_id, 0, 0, 0, COALESCE(SUM(gigabytes), 0) FROM quota_reservations "
				+ "WHERE project_id = ? GROUP BY volume_type_id) usages GROUP BY type_id")
			.params(projectId, projectId, projectId)
			.query((rs, row) -> usage.merge(typeOf(rs.getString(1)),
					new Usage(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)), Usage::plus))
			.list();
		return usage;
	}

	public void reserve(String volumeId, String projectId, String volumeTypeId, int gigabytes, Instant now) {
		this.jdbc.sql("INSERT INTO quota_reservations (volume_id, project_id, volume_type_id, gigabytes, created_at) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(volumeId, projectId, volumeTypeId, gigabytes, Timestamp.from(now))
			.update();
	}

	public void release(String volumeId) {
		this.jdbc.sql("DELETE FROM quota_reservations WHERE volume_id = ?").params(volumeId).update();
	}

	private static String typeOf(String volumeTypeId) {
		return (volumeTypeId != null) ? volumeTypeId : VolumeType.DEFAULT_ID;
	}

	/**
	 * What a project (or one volume type of it) uses: volumes, gigabytes in use (volumes
	 * and snapshots, as Cinder counts them), snapshots, and gigabytes reserved by extends.
	 */
	public record Usage(long volumes, long gigabytes, long snapshots, long reservedGigabytes) {

		public static final Usage NONE = new Usage(0, 0, 0, 0);

		public Usage plus(Usage other) {
			return new Usage(this.volumes + other.volumes, this.gigabytes + other.gigabytes,
					this.snapshots + other.snapshots, this.reservedGigabytes + other.reservedGigabytes);
		}

	}

}
