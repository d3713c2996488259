package dev.novaboot.volume.driver;

import java.util.regex.Pattern;

/**
 * The names drivers give volumes and snapshots on disk: Cinder's
 * {@code volume-<uuid>} and {@code snapshot-<uuid>} templates. Checked before a name
 * becomes a path or a command argument, so that nothing else ever does.
 */
public final class BackingName {

	private static final Pattern SAFE = Pattern.compile("(volume|snapshot)-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

	private BackingName() {
	}

	public static String volume(String volumeId) {
		return check("volume-" + volumeId);
	}

	public static String snapshot(String snapshotId) {
		return check("snapshot-" + snapshotId);
	}

	/** Refuses anything that is not a volume or snapshot name of the templates above. */
	public static String check(String name) {
		if (name == null || !SAFE.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a volume or snapshot backing name: " + name);
		}
		return name;
	}

}
