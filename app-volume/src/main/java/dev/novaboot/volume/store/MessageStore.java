package dev.novaboot.volume.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code messages} rows: Cinder's user messages. */
@Repository
public class MessageStore {

	private static final String COLUMNS = "id, project_id, request_id, resource_type, resource_uuid, event_id, "
			+ "action_id, detail_id, message_level, created_at, expires_at";

	private final JdbcClient jdbc;

	MessageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Message message) {
		this.jdbc.sql("INSERT INTO messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.id(), message.projectId(), message.requestId(), message.resourceType(),
					message.resourceUuid(), message.eventId(), message.actionId(), message.detailId(),
					message.level(), Timestamp.from(message.createdAt()), Timestamp.from(message.expiresAt()))
			.update();
	}

	/** The project's messages ({@code null}: every project's), newest first. */
	public List<Message> list(String projectId) {
		String where = (projectId != null) ? " WHERE project_id = ?" : "";
		JdbcClient.StatementSpec query = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages" + where + " ORDER BY created_at DESC, id DESC");
		if (projectId != null) {
			query = query.param(projectId);
		}
		return query.query(MessageStore::row).list();
	}

	public Optional<Message> find(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE id = ?").param(id).query(MessageStore::row)
			.optional();
	}

	public void delete(String id) {
		this.jdbc.sql("DELETE FROM messages WHERE id = ?").param(id).update();
	}

	/** Deletes the messages that expired before {@code now}; the number deleted. */
	public int deleteExpired(Instant now) {
		return this.jdbc.sql("DELETE FROM messages WHERE expires_at < ?").param(Timestamp.from(now)).update();
	}

	private static Message row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
				rs.getTimestamp(11).toInstant());
	}

	/** One user message as stored. */
	public record Message(String id, String projectId, String requestId, String resourceType, String resourceUuid,
			String eventId, String actionId, String detailId, String level, Instant createdAt, Instant expiresAt) {
	}

}
