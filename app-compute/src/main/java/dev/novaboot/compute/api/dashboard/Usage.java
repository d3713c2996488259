package dev.novaboot.compute.api.dashboard;

/**
 * Used against total, as a bar and as the words beside it (so that nothing is told by
 * colour or length alone).
 */
record Usage(long used, long total, String unit) {

	/** The bar's length: 0 to 100. */
	public int percent() {
		if (this.total <= 0) {
			return 0;
		}
		return (int) Math.min(100, Math.max(0, this.used * 100 / this.total));
	}

	public String text() {
		return this.used + " of " + this.total + (this.unit.isEmpty() ? "" : " " + this.unit) + " used (" + percent()
				+ "%)";
	}

	static long number(Object value) {
		return (value instanceof Number number) ? number.longValue() : 0;
	}

}
