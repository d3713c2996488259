package dev.novaboot.service.rpc.api;

/**
 * A network an instance asks to be on.
 *
 * @param networkId the network's uuid
 * @param fixedIp the address wanted on it, or {@code null} for any free one
 */
public record RequestedNetwork(String networkId, String fixedIp) {
}
