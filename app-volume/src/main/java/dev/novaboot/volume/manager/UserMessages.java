package dev.novaboot.volume.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
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
 * message that says what was being done and what went wrong, kept for Cinder's
 * {@code message_ttl} of 30 days ({@code guaranteed_until}).
 */
@Component
public class UserMessages {

	/** Cinder's default {@code message_ttl}. */
	static final Duration TIME_TO_LIVE = Duration.ofSeconds(2592000);

	private static final Log logger = LogFactory.getLog(UserMessages.class);

	private final MessageStore store;

	private final DatabaseClock clock;

	UserMessages(MessageStore store, DatabaseClock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Records a message; a failure to record it is logged, never the request's failure. */
	public void record(RequestContext context, Resource resource, String resourceUuid, Action action, Detail detail) {
		try {
			Instant now = this.clock.now();
			this.store.insert(new Message(UUID.randomUUID().toString(), context.projectId(), context.requestId(),
					resource.name(), resourceUuid, MessageField.eventId(resource, action, detail), action.id(),
					detail.id(), "ERROR", now, now.plus(TIME_TO_LIVE)));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not record the user message of " + action + " for " + resourceUuid, ex);
		}
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
