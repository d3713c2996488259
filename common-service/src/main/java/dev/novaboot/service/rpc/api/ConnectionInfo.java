package dev.novaboot.service.rpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a compute host needs to attach a volume (Cinder's {@code connection_info}).
 *
 * @param driverVolumeType how to reach the disk: {@code local} for a block device or file
 * on the compute host itself (the {@code file} and {@code lvm} drivers), {@code fake}
 * for the fake driver
 * @param data where the disk is
 */
public record ConnectionInfo(@JsonProperty("driver_volume_type") String driverVolumeType, Data data) {

	/**
	 * @param volumeId the volume
	 * @param devicePath the file or block device that holds its data
	 * @param format the disk format the hypervisor should use, {@code raw}
	 */
	public record Data(@JsonProperty("volume_id") String volumeId, @JsonProperty("device_path") String devicePath,
			String format) {
	}

}
