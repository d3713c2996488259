package dev.novaboot.volume.manager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.VolumeAppTest;
import dev.novaboot.volume.VolumeProperties;
import dev.novaboot.volume.manager.MessageField.Action;
import dev.novaboot.volume.manager.MessageField.Detail;
import dev.novaboot.volume.manager.MessageField.Resource;
import dev.novaboot.volume.store.MessageStore;
import dev.novaboot.volume.store.MessageStore.Message;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

/**
 * Cinder's message expiry: a message is kept for {@code nova.volume.message-ttl} (its
 * {@code guaranteed_until}) and the periodic clean-up deletes it once that time, by the
 * database's clock, has passed, and no other.
 */
@VolumeAppTest
class UserMessagesExpiryTests {

	@Autowired
	UserMessages messages;

	@Autowired
	MessageStore store;

	@Autowired
	DatabaseClock clock;

	@Autowired
	List<ScheduledTaskHolder> scheduled;

	@Test
	void aMessageIsGuaranteedForCindersDefaultTimeToLive() {
		RequestContext context = context();

		this.messages.record(context, Resource.VOLUME, UUID.randomUUID().toString(), Action.EXTEND_VOLUME,
				Detail.DRIVER_FAILED_EXTEND);

		Message message = this.messages.list(context).get(0);
		assertThat(Duration.between(message.createdAt(), message.expiresAt())).isEqualTo(Duration.ofSeconds(2592000));
	}

	@Test
	void theTimeToLiveIsAProperty() {
		VolumeProperties properties = new Binder(
				new MapConfigurationPropertySource(Map.of("nova.volume.message-ttl", "300s")))
			.bindOrCreate("nova.volume", VolumeProperties.class);
		MessageStore store = mock(MessageStore.class);
		DatabaseClock clock = mock(DatabaseClock.class);
		Instant now = Instant.parse("2026-12-01T08:00:00Z");
		given(clock.now()).willReturn(now);

		new UserMessages(store, clock, properties).record(context(), Resource.VOLUME, "v-1", Action.EXTEND_VOLUME,
				Detail.DRIVER_FAILED_EXTEND);

		ArgumentCaptor<Message> recorded = ArgumentCaptor.forClass(Message.class);
		then(store).should().insert(recorded.capture());
		assertThat(recorded.getValue().expiresAt()).isEqualTo(now.plusSeconds(300));
	}

	@Test
	void theCleanUpDeletesExpiredMessagesOnly() {
		RequestContext context = context();
		Instant now = this.clock.now();
		this.store.insert(message(context, "expired", now.minus(Duration.ofDays(31)), now.minusSeconds(1)));
		this.store.insert(message(context, "kept", now.minusSeconds(60), now.plus(Duration.ofDays(1))));

		assertThat(this.messages.cleanExpired()).isGreaterThanOrEqualTo(1);

		assertThat(this.messages.list(context)).extracting(Message::resourceUuid).containsExactly("kept");
		// nothing is left to delete a second time
		assertThat(this.messages.list(context)).hasSize(1);
		this.messages.cleanExpired();
		assertThat(this.messages.list(context)).extracting(Message::resourceUuid).containsExactly("kept");
	}

	@Test
	void theCleanUpIsAPeriodicTaskOfTheVolumeHost() {
		assertThat(this.scheduled.stream().flatMap((holder) -> holder.getScheduledTasks().stream()))
			.anySatisfy((task) -> assertThat(task.getTask().toString())
				.isEqualTo(UserMessages.class.getName() + ".cleanExpired"));
	}

	private static RequestContext context() {
		return new RequestContext("req-" + UUID.randomUUID(), "ulla", "project-" + UUID.randomUUID(), Set.of("member"));
	}

	private static Message message(RequestContext context, String resource, Instant createdAt, Instant expiresAt) {
		return new Message(UUID.randomUUID().toString(), context.projectId(), "req-" + UUID.randomUUID(), "VOLUME",
				resource, "VOLUME_VOLUME_007_010", "007", "010", "ERROR", createdAt, expiresAt);
	}

}
