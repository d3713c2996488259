package dev.novaboot.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code PUT /v2.1/os-services/{id}} (microversion 2.53 and later).
 */
record ServiceUpdate(String status, @JsonProperty("disabled_reason") String disabledReason,
		@JsonProperty("forced_down") Boolean forcedDown) {

	static final int MAX_REASON_LENGTH = 255;

	/** Checks the combination Nova accepts, and says what is wrong otherwise. */
	void validate() {
		if (this.status == null && this.forcedDown == null) {
			throw new BadRequestException("Update must contain 'status' or 'forced_down'.");
		}
		if (this.status != null && !this.status.equals("enabled") && !this.status.equals("disabled")) {
			throw new BadRequestException(
					"Invalid 'status' '" + this.status + "': must be 'enabled' or 'disabled'.");
		}
		if (this.disabledReason != null && !"disabled".equals(this.status)) {
			throw new BadRequestException("'disabled_reason' is only accepted with \"status\": \"disabled\".");
		}
		if (this.disabledReason != null
				&& (this.disabledReason.isBlank() || this.disabledReason.length() > MAX_REASON_LENGTH)) {
			throw new BadRequestException(
					"'disabled_reason' must be 1 to " + MAX_REASON_LENGTH + " characters, not blank.");
		}
	}

}
