package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.compute.store.InstanceActionEventRecord;
import dev.novaboot.compute.store.InstanceActionRecord;
import dev.novaboot.service.context.RequestContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The record of what was done to a server: each step of an action is recorded with its
 * result, and a step that fails marks its action {@code Error} and keeps the failure.
 */
@SpringBootTest
class InstanceActionLogTests {

	@Autowired
	InstanceActionLog log;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aStepThatSucceedsIsRecordedAsSuccessAndFinishesItsAction() {
		RequestContext context = context();
		String instance = UUID.randomUUID().toString();
		this.log.start(context, instance, "reboot");
		assertThat(this.log.event(context, instance, "compute_reboot_instance", "host-1", () -> "done"))
			.isEqualTo("done");
		InstanceActionRecord action = this.log.action(instance, context.requestId()).orElseThrow();
		assertThat(action.getMessage()).isNull();
		assertThat(finishTime(action)).isNotNull();
		List<InstanceActionEventRecord> events = this.log.events(action);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.getEvent()).isEqualTo("compute_reboot_instance");
			assertThat(event.getHost()).isEqualTo("host-1");
			assertThat(event.getResult()).isEqualTo(InstanceActionEventRecord.SUCCESS);
			assertThat(event.getTraceback()).isNull();
			assertThat(event.getFinishTime()).isNotNull();
		});
	}

	@Test
	void aStepThatFailsIsRecordedWithItsFailureAndMarksItsActionError() {
		RequestContext context = context();
		String instance = UUID.randomUUID().toString();
		this.log.start(context, instance, "stop");
		assertThatIllegalStateException().isThrownBy(() -> this.log.event(context, instance, "compute_stop_instance",
				"host-1", () -> {
					throw new IllegalStateException("the guest would not stop");
				}));
		InstanceActionRecord action = this.log.action(instance, context.requestId()).orElseThrow();
		assertThat(action.getMessage()).isEqualTo("Error");
		assertThat(finishTime(action)).isNotNull();
		assertThat(this.log.events(action)).singleElement().satisfies((event) -> {
			assertThat(event.getResult()).isEqualTo(InstanceActionEventRecord.ERROR);
			assertThat(event.getTraceback()).contains("the guest would not stop");
			assertThat(event.getFinishTime()).isNotNull();
		});
	}

	@Test
	void aStepOfARequestThatBeganNoActionJustRuns() {
		String instance = UUID.randomUUID().toString();
		assertThat(this.log.event(context(), instance, "compute_sync", "host-1", () -> "ran")).isEqualTo("ran");
		assertThat(this.log.actions(instance)).isEmpty();
	}

	private Object finishTime(InstanceActionRecord action) {
		Map<String, Object> row = this.jdbc.queryForMap("SELECT finish_time FROM instance_actions WHERE id = ?",
				action.getId());
		return row.get("finish_time");
	}

	private static RequestContext context() {
		return new RequestContext("req-" + UUID.randomUUID(), "user", "project-actions", Set.of("member"));
	}

}
