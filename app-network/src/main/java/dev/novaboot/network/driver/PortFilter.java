package dev.novaboot.network.driver;

import java.util.List;

/**
 * What a port's security groups allow, for the host to enforce on the port's device
 * ({@code tap<port id[:11]>}, the name Nova gives an instance's interface): the port's own
 * MAC and addresses (anything else it sends is dropped) and the IPv4 and IPv6 rules of its groups,
 * remote groups already expanded to their members' addresses. Traffic no rule allows is
 * dropped; replies to allowed traffic pass.
 */
public record PortFilter(String portId, String macAddress, List<String> addresses, List<Rule> rules) {

	public PortFilter {
		addresses = List.copyOf(addresses);
		rules = List.copyOf(rules);
	}

	/** The port's device on the bridge. */
	public String device() {
		return "tap" + this.portId.substring(0, Math.min(11, this.portId.length()));
	}

	/**
	 * One allowed flow.
	 * @param direction {@code ingress} (to the port) or {@code egress} (from it)
	 * @param protocol a protocol name or number, {@code null} for any
	 * @param portMin the first port (TCP, UDP, ...) or the ICMP type; {@code null} for any
	 * @param portMax the last port or the ICMP code; {@code null} for any
	 * @param remotePrefix the other end's addresses ({@code 10.0.0.0/24}); {@code null} for any
	 * @param ethertype {@code IPv4} (iptables) or {@code IPv6} (ip6tables)
	 */
	public record Rule(String direction, String protocol, Integer portMin, Integer portMax, String remotePrefix,
			String ethertype) {

		/** An IPv4 rule. */
		public Rule(String direction, String protocol, Integer portMin, Integer portMax, String remotePrefix) {
			this(direction, protocol, portMin, portMax, remotePrefix, "IPv4");
		}

	}

}
