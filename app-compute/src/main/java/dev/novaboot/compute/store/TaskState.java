package dev.novaboot.compute.store;

/**
 * What is being done to an instance right now (Nova's {@code task_states}); null in the
 * database when nothing is.
 */
public enum TaskState {

	SPAWNING("spawning"), REBOOTING("rebooting"), POWERING_OFF("powering-off"), POWERING_ON("powering-on"),
	DELETING("deleting"), REBUILDING("rebuilding"), REBUILD_BLOCK_DEVICE_MAPPING("rebuild_block_device_mapping"),
	REBUILD_SPAWNING("rebuild_spawning"), PAUSING("pausing"), UNPAUSING("unpausing"), SUSPENDING("suspending"),
	RESUMING("resuming"), RESIZE_PREP("resize_prep"), RESIZE_MIGRATING("resize_migrating"),
	RESIZE_MIGRATED("resize_migrated"), RESIZE_FINISH("resize_finish"), RESIZE_REVERTING("resize_reverting"),
	SOFT_DELETING("soft-deleting"), RESTORING("restoring"), MIGRATING("migrating");

	private final String value;

	TaskState(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static TaskState of(String value) {
		if (value == null) {
			return null;
		}
		for (TaskState state : values()) {
			if (state.value.equals(value)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Unknown task_state '" + value + "'");
	}

}
