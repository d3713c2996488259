package dev.novaboot.compute.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The instances that ran during a period, deleted ones included (the entity hides those),
 * for usage reports: Nova's {@code instance_get_active_by_window_joined}, paged by project
 * and uuid.
 */
@Repository
public class InstanceLifetimes {

	private final JdbcClient jdbc;

	InstanceLifetimes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Those launched before {@code end} and not deleted before {@code begin}, of
	 * {@code project} (every project's when null), after the instance {@code afterUuid}.
	 */
	public List<Lifetime> activeBetween(Instant begin, Instant end, String project, String afterProject,
			String afterUuid, int limit) {
		StringBuilder sql = new StringBuilder("SELECT uuid, name, project_id, flavor_name, flavor_id, vcpus, "
				+ "memory_mb, root_gb, vm_state, launched_at, deleted_at FROM instances "
				+ "WHERE (deleted_at IS NULL OR deleted_at > :begin) AND launched_at < :end");
		if (project != null) {
			sql.append(" AND project_id = :project");
		}
		if (afterUuid != null) {
			sql.append(" AND (project_id > :afterProject OR (project_id = :afterProject AND uuid > :afterUuid))");
		}
		sql.append(" ORDER BY project_id, uuid FETCH FIRST :limit ROWS ONLY");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString())
			.param("begin", Timestamp.from(begin))
			.param("end", Timestamp.from(end))
			.param("limit", limit);
		if (project != null) {
			statement = statement.param("project", project);
		}
		if (afterUuid != null) {
			statement = statement.param("afterProject", afterProject).param("afterUuid", afterUuid);
		}
		return statement.query((row, number) -> new Lifetime(row.getString("uuid"), row.getString("name"),
				row.getString("project_id"),
				(row.getString("flavor_name") != null) ? row.getString("flavor_name") : row.getString("flavor_id"),
				row.getInt("vcpus"), row.getInt("memory_mb"), row.getInt("root_gb"), row.getString("vm_state"),
				instant(row.getTimestamp("launched_at")), instant(row.getTimestamp("deleted_at"))))
			.list();
	}

	/** The project of an instance, deleted or not, for a marker. */
	public Optional<String> projectOf(String uuid) {
		return this.jdbc.sql("SELECT project_id FROM instances WHERE uuid = :uuid")
			.param("uuid", uuid)
			.query(String.class)
			.optional();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** An instance's sizes and its lifetime: launched, and deleted (null while it lives). */
	public record Lifetime(String uuid, String name, String projectId, String flavorName, int vcpus, int memoryMb,
			int rootGb, String vmState, Instant launchedAt, Instant terminatedAt) {
	}

}
