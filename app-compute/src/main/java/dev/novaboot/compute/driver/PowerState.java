package dev.novaboot.compute.driver;

/**
 * What the hypervisor says about the guest (Nova's {@code power_state}); the API shows
 * Nova's numeric code.
 */
public enum PowerState {

	NOSTATE("nostate", 0), RUNNING("running", 1), PAUSED("paused", 3), SHUTDOWN("shutdown", 4),
	CRASHED("crashed", 6), SUSPENDED("suspended", 7);

	private final String value;

	private final int code;

	PowerState(String value, int code) {
		this.value = value;
		this.code = code;
	}

	public String value() {
		return this.value;
	}

	/** Nova's number for this state, as {@code OS-EXT-STS:power_state} shows it. */
	public int code() {
		return this.code;
	}

	public static PowerState of(String value) {
		for (PowerState state : values()) {
			if (state.value.equals(value)) {
				return state;
			}
		}
		throw new IllegalArgumentException("Unknown power_state '" + value + "'");
	}

}
