package dev.novaboot.network.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quota tables ({@code network_quotas}, {@code network_quota_projects}) and the count
 * of a project's live resources, by Neutron's resource name ({@code network},
 * {@code subnet}, {@code port}, {@code router}, {@code floatingip}, {@code security_group},
 * {@code security_group_rule}).
 */
@Repository
public class QuotaStore {

	// Neutron's resource name -> the table whose rows it counts
	private static final Map<String, String> TABLES = Map.of("network", "networks", "subnet", "subnets", "port",
			"ports", "router", "routers", "floatingip", "floating_ips", "security_group", "security_groups",
			"security_group_rule", "security_group_rules");

	private final JdbcClient jdbc;

	QuotaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The limits set for the project, by resource. */
	public Map<String, Integer> limits(String projectId) {
		Map<String, Integer> limits = new HashMap<>();
		this.jdbc.sql("SELECT resource, hard_limit FROM network_quotas WHERE project_id = ?")
			.params(projectId)
			.query((rs, row) -> limits.put(rs.getString(1), rs.getInt(2)))
			.list();
		return limits;
	}

	/**
	 * The project's own limit of one resource ({@code null} when it has none of its own),
	 * with the database's time of the caller's transaction ({@code CURRENT_TIMESTAMP}, which
	 * H2 and PostgreSQL both keep for the whole transaction), in one round trip: a create
	 * stamps its rows with that time instead of asking the clock again.
	 */
	public OwnLimit limit(String projectId, String resource) {
		return this.jdbc
			.sql("SELECT (SELECT hard_limit FROM network_quotas WHERE project_id = ? AND resource = ?), CURRENT_TIMESTAMP")
			.params(projectId, resource)
			.query((rs, row) -> new OwnLimit((Integer) rs.getObject(1, Integer.class),
					rs.getObject(2, OffsetDateTime.class).toInstant()))
			.single();
	}

	/** A project's own limit of a resource, if it has one, read at {@code now} (the transaction's time). */
	public record OwnLimit(Integer hardLimit, Instant now) {
	}

	/** The limits set for every project that has some, by project and resource. */
	public Map<String, Map<String, Integer>> allLimits() {
		Map<String, Map<String, Integer>> all = new HashMap<>();
		this.jdbc.sql("SELECT project_id, resource, hard_limit FROM network_quotas ORDER BY project_id")
			.query((rs, row) -> all.computeIfAbsent(rs.getString(1), (project) -> new HashMap<>())
				.put(rs.getString(2), rs.getInt(3)))
			.list();
		return all;
	}

	public void setLimit(String projectId, String resource, int limit) {
		int updated = this.jdbc.sql("UPDATE network_quotas SET hard_limit = ? WHERE project_id = ? AND resource = ?")
			.params(limit, projectId, resource)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO network_quotas (project_id, resource, hard_limit) VALUES (?, ?, ?)")
				.params(projectId, resource, limit)
				.update();
		}
	}

	/** Removes the project's own limits; how many there were. */
	public int deleteLimits(String projectId) {
		return this.jdbc.sql("DELETE FROM network_quotas WHERE project_id = ?").params(projectId).update();
	}

	/**
	 * Inserts the project's lock row unless it is there, inside the caller's transaction. A
	 * concurrent insert of the same row ends in a duplicate key, which on PostgreSQL aborts
	 * the whole transaction: the insert runs in a savepoint (SQL's own, which H2 and
	 * PostgreSQL share; the JPA transaction manager has no nested transactions), rolled
	 * back to on a duplicate, after which the other transaction's row is there.
	 */
	public void ensureProject(String projectId) {
		this.jdbc.sql("SAVEPOINT network_quota_project").update();
		try {
			this.jdbc.sql("INSERT INTO network_quota_projects (project_id) SELECT CAST(? AS VARCHAR(255)) "
					+ "WHERE NOT EXISTS (SELECT 1 FROM network_quota_projects WHERE project_id = ?)")
				.params(projectId, projectId)
				.update();
		}
		catch (DuplicateKeyException ex) {
			this.jdbc.sql("ROLLBACK TO SAVEPOINT network_quota_project").update();
		}
		this.jdbc.sql("RELEASE SAVEPOINT network_quota_project").update();
	}

	/**
	 * Locks the project's row until the caller's transaction ends: every quota check of
	 * the project waits here, and counts what the one before it committed.
	 */
	public boolean lockProject(String projectId) {
		return !this.jdbc.sql("SELECT project_id FROM network_quota_projects WHERE project_id = ? FOR UPDATE")
			.params(projectId)
			.query(String.class)
			.list()
			.isEmpty();
	}

	/** How many live {@code resource}s the project has. */
	public long count(String projectId, String resource) {
		String table = TABLES.get(resource);
		if (table == null) {
			throw new IllegalArgumentException("Not a quota resource: " + resource);
		}
		// the table name comes from the fixed map above, never from the caller
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE project_id = ?")
			.params(projectId)
			.query(Long.class)
			.single();
	}

	/** Every resource's count for the project. */
	public Map<String, Long> counts(String projectId) {
		Map<String, Long> counts = new HashMap<>();
		for (String resource : List.copyOf(TABLES.keySet())) {
			counts.put(resource, count(projectId, resource));
		}
		return counts;
	}

}
