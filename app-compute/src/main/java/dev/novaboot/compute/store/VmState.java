package dev.novaboot.compute.store;

/**
 * Where an instance is in its life (Nova's {@code vm_states}), as stored in
 * {@code instances.vm_state}.
 */
public enum VmState {

	BUILDING("building"), ACTIVE("active"), STOPPED("stopped"), PAUSED("paused"), SUSPENDED("suspended"),
	RESIZED("resized"), SOFT_DELETED("soft-delete"), ERROR("error"), DELETED("deleted");

	private final String value;

	VmState(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	public static VmState of(String value) {
		for (VmState state : values()) {
			if (state.value.equals(value)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Unknown vm_state '" + value + "'");
	}

}
