package dev.novaboot.service.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.novaboot.service.web.ApiFaults;

/**
 * The body of {@code PUT /v2.1/os-services/{id}} (microversion 2.53 and later).
 */
record ServiceUpdate(String status, String disabledReason, Boolean forcedDown) {

	static final int MAX_REASON_LENGTH = 255;

	private static final Set<String> FIELDS = Set.of("status", "disabled_reason", "forced_down");

	// Nova's parameter_types.boolean
	private static final Set<String> TRUE = Set.of("true", "1", "on", "yes");

	private static final Set<String> FALSE = Set.of("false", "0", "off", "no");

	/** Reads the JSON body, refusing fields Nova's schema does not have. */
	static ServiceUpdate of(Map<String, Object> body) {
		for (String field : body.keySet()) {
			if (!FIELDS.contains(field)) {
				throw new BadRequestException(
						"Additional properties are not allowed ('" + ServicesController.shown(field) + "' was unexpected)");
			}
		}
		Object status = body.get("status");
		Object reason = body.get("disabled_reason");
		if ((status != null && !(status instanceof String)) || (reason != null && !(reason instanceof String))) {
			throw new BadRequestException(ApiFaults.MALFORMED_BODY);
		}
		Boolean forcedDown = body.containsKey("forced_down") ? bool(body.get("forced_down"), "forced_down") : null;
		ServiceUpdate update = new ServiceUpdate((String) status, (String) reason, forcedDown);
		update.validate();
		return update;
	}

	/** A boolean as Nova's schema takes it: JSON booleans and their usual spellings. */
	static boolean bool(Object value, String field) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		String text = (value instanceof String string) ? string.toLowerCase(Locale.ROOT) : null;
		if (TRUE.contains(text)) {
			return true;
		}
		if (FALSE.contains(text)) {
			return false;
		}
		throw new BadRequestException("Invalid input for field/attribute " + field + ". Value: " + value
				+ ". It must be a boolean.");
	}

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
