package dev.novaboot.service.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.novaboot.service.record.ServiceRecordRepository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The live services with their state, row by row, for the {@code os-services} list: one
 * projection query whose rows are handed on as they arrive, with "up" decided in SQL
 * against the database's clock ({@link ServiceRecordRepository#UP}, the same verdict as
 * {@link ServiceGroup#isUp}). Nothing is kept per row, no entity is built: at 50,000
 * services, loading them as entities and then building a list of maps took about 2 s.
 * <p>
 * Call it inside a transaction: PostgreSQL's driver reads with a cursor, {@link #FETCH_SIZE}
 * rows at a time, only when auto-commit is off; otherwise it holds the whole result.
 */
public class ServiceListing {

	static final int FETCH_SIZE = 1000;

	private static final String SELECT = "SELECT s.id, s.uuid, s.\"binary\", s.host, s.zone, s.disabled, "
			+ "s.disabled_reason, s.forced_down, COALESCE(s.updated_at, s.created_at) AS updated, CASE WHEN "
			+ ServiceRecordRepository.UP + " THEN TRUE ELSE FALSE END AS up FROM services s WHERE s.deleted = 0";

	private final NamedParameterJdbcTemplate jdbc;

	private final Duration downTime;

	public ServiceListing(DataSource dataSource, Duration downTime) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.downTime = downTime;
	}

	/**
	 * Hands each live service, filtered by {@code binary} and {@code host} (either may be
	 * {@code null}) in the database, to {@code each} in id order.
	 */
	public void forEach(String binary, String host, Consumer<ServiceRow> each) {
		StringBuilder sql = new StringBuilder(SELECT);
		MapSqlParameterSource parameters = new MapSqlParameterSource("downMillis", this.downTime.toMillis());
		if (binary != null) {
			sql.append(" AND s.\"binary\" = :binary");
			parameters.addValue("binary", binary);
		}
		if (host != null) {
			sql.append(" AND s.host = :host");
			parameters.addValue("host", host);
		}
		sql.append(" ORDER BY s.id");
		this.jdbc.query(sql.toString(), parameters, (ResultSet row) -> {
			each.accept(row(row));
		});
	}

	private static ServiceRow row(ResultSet row) throws SQLException {
		return new ServiceRow(row.getLong("id"), row.getString("uuid"), row.getString("binary"),
				row.getString("host"), row.getString("zone"), row.getBoolean("disabled"),
				row.getString("disabled_reason"), row.getBoolean("forced_down"),
				row.getObject("updated", OffsetDateTime.class).toInstant(), row.getBoolean("up"));
	}

	/**
	 * One line of the list: the columns {@code os-services} shows, {@code updatedAt} the
	 * last update (the creation before one), and whether the service is up.
	 */
	public record ServiceRow(long id, String uuid, String binary, String host, String zone, boolean disabled,
			String disabledReason, boolean forcedDown, Instant updatedAt, boolean up) {
	}

}
