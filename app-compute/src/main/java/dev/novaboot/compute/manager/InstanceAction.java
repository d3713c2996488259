package dev.novaboot.compute.manager;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import dev.novaboot.compute.store.TaskState;
import dev.novaboot.compute.store.VmState;

/**
 * The state machine of user actions: in which {@code vm_state} an action is allowed
 * (always with no task under way, except delete) and which task it starts. Follows Nova's
 * {@code check_instance_state} decorators of {@code nova.compute.api}.
 */
public enum InstanceAction {

	REBOOT_SOFT("reboot", Set.of(VmState.ACTIVE), TaskState.REBOOTING),

	/** Nova's {@code ALLOW_HARD_REBOOT}: a hard reboot also wakes a paused or suspended guest. */
	REBOOT_HARD("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR),
			TaskState.REBOOTING),

	STOP("stop", Set.of(VmState.ACTIVE, VmState.ERROR), TaskState.POWERING_OFF),

	START("start", Set.of(VmState.STOPPED), TaskState.POWERING_ON),

	/** Delete is allowed in every state, even while another task runs (Nova does the same). */
	DELETE("delete", EnumSet.complementOf(EnumSet.of(VmState.DELETED)), TaskState.DELETING),

	/** Nova's {@code force_delete}: any vm_state, but no task under way. */
	FORCE_DELETE("forceDelete", EnumSet.complementOf(EnumSet.of(VmState.DELETED)), TaskState.DELETING),

	/** Nova's {@code soft_delete}: any vm_state, no task, launched at least once. */
	SOFT_DELETE("soft_delete", EnumSet.complementOf(EnumSet.of(VmState.DELETED)), TaskState.SOFT_DELETING, true),

	RESTORE("restore", Set.of(VmState.SOFT_DELETED), TaskState.RESTORING, true),

	REBUILD("rebuild", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBUILDING, true),

	PAUSE("pause", Set.of(VmState.ACTIVE), TaskState.PAUSING, true),

	UNPAUSE("unpause", Set.of(VmState.PAUSED), TaskState.UNPAUSING, true),

	SUSPEND("suspend", Set.of(VmState.ACTIVE), TaskState.SUSPENDING, true),

	RESUME("resume", Set.of(VmState.SUSPENDED), TaskState.RESUMING, true),

	RESIZE("resize", Set.of(VmState.ACTIVE, VmState.STOPPED), TaskState.RESIZE_PREP, true),

	/** Nova's cold migration: {@code resize} without a new flavor, to another host. */
	MIGRATE("migrate", Set.of(VmState.ACTIVE, VmState.STOPPED), TaskState.RESIZE_PREP, true),

	/**
	 * Nova's live migration: an active or paused server moved while it runs (the verb is
	 * the action's name in Nova's conflict message; the instance action is
	 * {@code live-migration}).
	 */
	LIVE_MIGRATE("os-migrateLive", Set.of(VmState.ACTIVE, VmState.PAUSED), TaskState.MIGRATING),

	/** Nova's evacuate: rebuilt on another host, its own being down. */
	EVACUATE("evacuate", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBUILDING),

	/** No task: Nova marks the migration, not the instance, as confirming. */
	CONFIRM_RESIZE("confirmResize", Set.of(VmState.RESIZED), null, true),

	REVERT_RESIZE("revertResize", Set.of(VmState.RESIZED), TaskState.RESIZE_REVERTING, true),

	ATTACH_VOLUME("attach_volume", Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.STOPPED, VmState.RESIZED,
			VmState.SOFT_DELETED), null),

	DETACH_VOLUME("detach_volume", Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.STOPPED, VmState.RESIZED,
			VmState.SOFT_DELETED), null),

	/** Nova's {@code attach_interface}: active, paused or stopped, no task; none begun. */
	ATTACH_INTERFACE("attach_interface", Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.STOPPED), null),

	/** Nova's {@code detach_interface}: the same states. */
	DETACH_INTERFACE("detach_interface", Set.of(VmState.ACTIVE, VmState.PAUSED, VmState.STOPPED), null),

	/** Nova's states for it that exist here; no task. */
	TRIGGER_CRASH_DUMP("trigger_crash_dump", Set.of(VmState.ACTIVE, VmState.ERROR), null),
	GET_CONSOLE_OUTPUT("get_console_output", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), null);

	private final String verb;

	private final Set<VmState> allowedVmStates;

	private final TaskState task;

	private final boolean mustHaveLaunched;

	InstanceAction(String verb, Set<VmState> allowedVmStates, TaskState task) {
		this(verb, allowedVmStates, task, false);
	}

	/** @param mustHaveLaunched Nova's {@code must_have_launched}: refused for an instance that never ran */
	InstanceAction(String verb, Set<VmState> allowedVmStates, TaskState task, boolean mustHaveLaunched) {
		this.verb = verb;
		this.allowedVmStates = allowedVmStates;
		this.task = task;
		this.mustHaveLaunched = mustHaveLaunched;
	}

	public String verb() {
		return this.verb;
	}

	/** The task this action starts, or null for actions that run without one. */
	public TaskState task() {
		return this.task;
	}

	Set<VmState> allowedVmStates() {
		return this.allowedVmStates;
	}

	/**
	 * Throws {@link InstanceInvalidStateException} with Nova's message when the action is
	 * not allowed for an instance in these states.
	 */
	public void check(String uuid, VmState vmState, TaskState taskState) {
		if (!this.allowedVmStates.contains(vmState)) {
			throw new InstanceInvalidStateException(this.verb, uuid, "vm_state", vmState.value());
		}
		if (this == DELETE) {
			return;
		}
		if (taskState != null) {
			throw new InstanceInvalidStateException(this.verb, uuid, "task_state", taskState.value());
		}
	}

	/** {@link #check(String, VmState, TaskState)}, and Nova's check that the instance ever ran. */
	public void check(String uuid, VmState vmState, TaskState taskState, Instant launchedAt) {
		check(uuid, vmState, taskState);
		if (this.mustHaveLaunched && launchedAt == null) {
			throw new InstanceInvalidStateException(this.verb, uuid, "launched_at", "None");
		}
	}

}
