package dev.novaboot.service.rpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An attachment to record (Cinder's {@code os-attach}).
 *
 * @param instanceUuid the server the volume is attached to
 * @param mountpoint the device inside the server, such as {@code /dev/vdb}
 * @param hostName the compute host
 */
public record VolumeAttach(@JsonProperty("instance_uuid") String instanceUuid, String mountpoint,
		@JsonProperty("host_name") String hostName) {
}
