package dev.novaboot.volume.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.VolumeProperties;
import dev.novaboot.volume.manager.MessageField.Action;
import dev.novaboot.volume.manager.MessageField.Detail;
import dev.novaboot.volume.manager.MessageField.Resource;
import dev.novaboot.volume.store.MessageStore;
import dev.novaboot.volume.store.MessageStore.Message;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Cinder's user messages ({@code cinder/message/api.py}): when a request that answered
 * {@code 202} fails afterwards (no host, the driver), the requesting project gets a
 * message that says what was being done and what went wrong, kept for
 * {@code nova.volume.message-ttl} (Cinder's {@code message_ttl}, 30 days), its
 * {@code guaranteed_until}, and deleted by the periodic {@link #cleanExpired()} after.
 */
@Component
public class UserMessages {

	private static final Log logger = LogFactory.getLog(UserMessages.class);

	private final MessageStore store;

	private final DatabaseClock clock;

	private final Duration timeToLive;

	UserMessages(MessageStore store, DatabaseClock clock, VolumeProperties properties) {
		this.store = store;
		this.clock = clock;
		this.timeToLive = properties.messageTtl();
	}

	/** Records a message; a failure to record it is logged, never the request's failure. */
	public void record(RequestContext context, Resource resource, String resourceUuid, Action action, Detail detail) {
		try {
			Instant now = this.clock.now();
			this.store.insert(new Message(UUID.randomUUID().toString(), context.projectId(), context.requestId(),
					resource.name(), resourceUuid, MessageField.eventId(resource, action, detail), action.id(),
					detail.id(), "ERROR", now, now.plus(this.timeToLive)));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the user message of " + action + " for " + resourceUuid, ex);
		}
	}

	/**
	 * Deletes the messages past their {@code guaranteed_until} by the database's clock
	 * (Cinder's {@code clean_expired_messages}); every volume host may run it, as the
	 * delete of one statement makes running it twice harmless.
	 * @return how many were deleted
	 */
	public int cleanExpired() {
		int deleted = this.store.deleteExpired(this.clock.now());
		if (deleted > 0) {
			logger.info("Deleted " + deleted + " expired user messages.");
		}
		return deleted;
	}

	/** The caller's project's messages; an admin's call sees every project's, as in Cinder. */
	public List<Message> list(RequestContext context) {
		return this.store.list(context.isAdmin() ? null : context.projectId());
	}

	public Message get(RequestContext context, String id) {
		return this.store.find(id)
			.filter((message) -> context.isAdmin() || message.projectId().equals(context.projectId()))
			.orElseThrow(() -> new VolumeNotFoundException("Message " + id + " could not be found."));
	}

	public void delete(RequestContext context, String id) {
		this.store.delete(get(context, id).id());
	}

}
