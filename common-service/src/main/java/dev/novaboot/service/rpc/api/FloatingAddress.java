package dev.novaboot.service.rpc.api;

/**
 * A floating IP and what it is associated with.
 *
 * @param id the floating IP's uuid
 * @param address the floating address
 * @param projectId the project holding it
 * @param networkId the external network it belongs to
 * @param fixedAddress the fixed IP it is NATed to, or {@code null}
 * @param portId the port of that fixed IP, or {@code null}
 */
public record FloatingAddress(String id, String address, String projectId, String networkId, String fixedAddress,
		String portId) {
}
