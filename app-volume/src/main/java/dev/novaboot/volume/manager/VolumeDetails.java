package dev.novaboot.volume.manager;

import java.util.Map;
import java.util.TreeMap;

import dev.novaboot.service.rpc.api.VolumeInfo;

/**
 * A volume as the Block Storage API shows it: what the volume host reports
 * ({@link VolumeInfo}) and what only this service's API tells.
 *
 * @param info the volume
 * @param backend the {@code backend#pool} of its host that holds it, {@code null} if
 * none does
 * @param bootable whether it holds a system to boot from
 * @param metadata its user metadata
 * @param sourceVolid the volume it was cloned from
 * @param readonly Cinder's admin metadata {@code readonly}, {@code null} until set
 * @param volumeType the name of its volume type
 * @param imageMetadata what it tells of the image it was made from, empty if none
 */
public record VolumeDetails(VolumeInfo info, String backend, boolean bootable, Map<String, String> metadata,
		String sourceVolid, Boolean readonly, String volumeType, Map<String, String> imageMetadata) {

	/** Cinder's {@code host@backend#pool}, or the bare host for a volume made before backends were told. */
	public String hostAtBackend() {
		if (this.info.host() == null) {
			return null;
		}
		return (this.backend != null) ? this.info.host() + "@" + this.backend : this.info.host();
	}

	/**
	 * The metadata a volume's view shows: the user's, and the admin metadata Cinder makes
	 * visible there ({@code add_visible_admin_metadata}), {@code readonly} as
	 * {@code "True"}/{@code "False"}.
	 */
	public Map<String, String> shownMetadata() {
		if (this.readonly == null) {
			return this.metadata;
		}
		Map<String, String> shown = new TreeMap<>(this.metadata);
		shown.put("readonly", this.readonly ? "True" : "False");
		return shown;
	}

}
