package dev.novaboot.compute.manager;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How this host reaches a volume, shaped like Cinder's {@code connection_info}
 * ({@code {"driver_volume_type": "local", "data": {"device_path": ...}}}).
 */
public record VolumeConnectionInfo(@JsonProperty("driver_volume_type") String driverVolumeType, Data data) {

	/**
	 * @param volumeId the volume
	 * @param devicePath the local file or block device
	 * @param format {@code raw} or {@code qcow2}
	 */
	public record Data(@JsonProperty("volume_id") String volumeId, @JsonProperty("device_path") String devicePath,
			String format) {
	}

}
