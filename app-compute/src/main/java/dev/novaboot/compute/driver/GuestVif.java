package dev.novaboot.compute.driver;

/**
 * A network interface of a guest: the port it plugs, its MAC address and the host's
 * bridge that the network service put the port's network on.
 *
 * @param portId the port's id, which names the tap device ({@code tap<id[:11]>}); null
 * for an interface that is not plugged anywhere
 * @param macAddress the port's MAC address
 * @param bridge the bridge the tap joins; null for an interface not plugged anywhere
 */
public record GuestVif(String portId, String macAddress, String bridge) {

	/** An interface with its MAC address only: the guest sees a NIC without a link. */
	public static GuestVif unplugged(String macAddress) {
		return new GuestVif(null, macAddress, null);
	}

	/** Whether the interface has a port and a bridge to plug into. */
	public boolean pluggable() {
		return this.portId != null && !this.portId.isBlank() && this.bridge != null && !this.bridge.isBlank();
	}

}
