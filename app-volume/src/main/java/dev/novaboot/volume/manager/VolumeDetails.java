package dev.novaboot.volume.manager;

import dev.novaboot.service.rpc.api.VolumeInfo;

/**
 * A volume as the Block Storage API shows it: what the volume host reports
 * ({@link VolumeInfo}) and what only this service's API tells.
 *
 * @param info the volume
 * @param backend the {@code backend#pool} of its host that holds it, {@code null} if
 * none does
 * @param bootable whether it holds a system to boot from
 */
public record VolumeDetails(VolumeInfo info, String backend, boolean bootable) {

	/** Cinder's {@code host@backend#pool}, or the bare host for a volume made before backends were told. */
	public String hostAtBackend() {
		if (this.info.host() == null) {
			return null;
		}
		return (this.backend != null) ? this.info.host() + "@" + this.backend : this.info.host();
	}

}
