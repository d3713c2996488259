package dev.novaboot.compute.manager;

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

	REBOOT_HARD("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.REBOOTING),

	STOP("stop", Set.of(VmState.ACTIVE, VmState.ERROR), TaskState.POWERING_OFF),

	START("start", Set.of(VmState.STOPPED), TaskState.POWERING_ON),

	/** Delete is allowed in every state, even while another task runs (Nova does the same). */
	DELETE("delete", Set.of(VmState.BUILDING, VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), TaskState.DELETING),

	ATTACH_VOLUME("attach_volume", Set.of(VmState.ACTIVE, VmState.STOPPED), null),

	DETACH_VOLUME("detach_volume", Set.of(VmState.ACTIVE, VmState.STOPPED), null),

	/** Nova's states for it that exist here; no task. */
	TRIGGER_CRASH_DUMP("trigger_crash_dump", Set.of(VmState.ACTIVE, VmState.ERROR), null),
	GET_CONSOLE_OUTPUT("get_console_output", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR), null);

	private final String verb;

	private final Set<VmState> allowedVmStates;

	private final TaskState task;

	InstanceAction(String verb, Set<VmState> allowedVmStates, TaskState task) {
		this.verb = verb;
		this.allowedVmStates = allowedVmStates;
		this.task = task;
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

}
