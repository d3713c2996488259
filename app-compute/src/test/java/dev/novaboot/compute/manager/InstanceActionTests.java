package dev.novaboot.compute.manager;

import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The state machine of user actions, as Nova's {@code check_instance_state} allows them.
 */
class InstanceActionTests {

	@ParameterizedTest(name = "{0} in {1}/{2}: allowed={3}")
	@CsvSource(nullValues = "null", value = {
			"REBOOT_SOFT, ACTIVE, null, true",
			"REBOOT_SOFT, BUILDING, null, false",
			"REBOOT_SOFT, BUILDING, SPAWNING, false",
			"REBOOT_SOFT, STOPPED, null, false",
			"REBOOT_SOFT, ACTIVE, REBOOTING, false",
			"REBOOT_HARD, STOPPED, null, true",
			"REBOOT_HARD, ERROR, null, true",
			"REBOOT_HARD, BUILDING, null, false",
			"STOP, ACTIVE, null, true",
			"STOP, ERROR, null, true",
			"STOP, STOPPED, null, false",
			"STOP, ACTIVE, POWERING_OFF, false",
			"START, STOPPED, null, true",
			"START, ACTIVE, null, false",
			"DELETE, BUILDING, SPAWNING, true",
			"DELETE, ACTIVE, REBOOTING, true",
			"DELETE, ERROR, null, true",
			"DELETE, DELETED, null, false",
			"ATTACH_VOLUME, ACTIVE, null, true",
			"ATTACH_VOLUME, STOPPED, null, true",
			"ATTACH_VOLUME, BUILDING, null, false",
			"ATTACH_VOLUME, ACTIVE, REBOOTING, false",
			"GET_CONSOLE_OUTPUT, BUILDING, null, false",
			"REBUILD, ACTIVE, null, true",
			"REBUILD, STOPPED, null, true",
			"REBUILD, ERROR, null, true",
			"REBUILD, PAUSED, null, false",
			"REBUILD, ACTIVE, REBUILDING, false",
			"PAUSE, ACTIVE, null, true",
			"PAUSE, PAUSED, null, false",
			"UNPAUSE, PAUSED, null, true",
			"UNPAUSE, ACTIVE, null, false",
			"SUSPEND, ACTIVE, null, true",
			"SUSPEND, STOPPED, null, false",
			"RESUME, SUSPENDED, null, true",
			"RESUME, PAUSED, null, false",
			"RESIZE, ACTIVE, null, true",
			"RESIZE, STOPPED, null, true",
			"RESIZE, RESIZED, null, false",
			"RESIZE, ACTIVE, PAUSING, false",
			"CONFIRM_RESIZE, RESIZED, null, true",
			"CONFIRM_RESIZE, RESIZED, RESIZE_REVERTING, false",
			"CONFIRM_RESIZE, ACTIVE, null, false",
			"REVERT_RESIZE, RESIZED, null, true",
			"REVERT_RESIZE, ACTIVE, null, false",
			"RESTORE, SOFT_DELETED, null, true",
			"RESTORE, ACTIVE, null, false",
			"FORCE_DELETE, SOFT_DELETED, null, true",
			"FORCE_DELETE, ACTIVE, null, true",
			"FORCE_DELETE, ACTIVE, DELETING, false",
			"SOFT_DELETE, PAUSED, null, true",
			"SOFT_DELETE, ACTIVE, REBOOTING, false",
			"REBOOT_HARD, PAUSED, null, true",
			"REBOOT_HARD, SUSPENDED, null, true" })
	void allowsActionsOnlyInTheirStates(InstanceAction action, VmState vmState, TaskState taskState, boolean allowed) {
		if (allowed) {
			assertThatCode(() -> action.check("uuid-1", vmState, taskState)).doesNotThrowAnyException();
		}
		else {
			assertThatExceptionOfType(InstanceInvalidStateException.class)
				.isThrownBy(() -> action.check("uuid-1", vmState, taskState))
				.withMessageStartingWith("Cannot '" + action.verb() + "' instance uuid-1 while it is in ");
		}
	}

	@ParameterizedTest
	@CsvSource({ "REBUILD, ERROR", "PAUSE, ACTIVE", "RESIZE, ACTIVE", "SOFT_DELETE, ERROR" })
	void actionsOnAServerThatNeverRanAreRefusedAsNovasMustHaveLaunched(InstanceAction action, VmState vmState) {
		assertThatExceptionOfType(InstanceInvalidStateException.class)
			.isThrownBy(() -> action.check("uuid-3", vmState, null, null))
			.withMessage("Cannot '" + action.verb() + "' instance uuid-3 while it is in launched_at None");
		assertThatCode(() -> action.check("uuid-3", vmState, null, java.time.Instant.EPOCH)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@CsvSource({ "STOP, ACTIVE, POWERING_OFF, task_state powering-off", "START, ACTIVE, , vm_state active" })
	void saysWhichStateForbidsTheAction(InstanceAction action, VmState vmState, TaskState taskState, String what) {
		assertThatExceptionOfType(InstanceInvalidStateException.class)
			.isThrownBy(() -> action.check("uuid-2", vmState, taskState))
			.withMessage("Cannot '" + action.verb() + "' instance uuid-2 while it is in " + what);
	}

}
