package dev.novaboot.compute.api.dashboard;

import java.util.regex.Pattern;

/** A resource id in a dashboard path or parameter: a UUID, checked before any API sees it. */
final class Ids {

	private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private Ids() {
	}

	static String uuid(String what, String value) {
		if (value == null || !UUID.matcher(value).matches()) {
			throw new BadDashboardRequestException("The " + what + " id must be a UUID.");
		}
		return value;
	}

}
