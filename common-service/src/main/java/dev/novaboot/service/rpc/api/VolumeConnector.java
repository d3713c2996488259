package dev.novaboot.service.rpc.api;

/**
 * The compute host that wants to attach a volume (os-brick's connector properties, the
 * part this suite uses).
 *
 * @param host the compute host's name
 * @param ip its address, may be {@code null}
 */
public record VolumeConnector(String host, String ip) {
}
