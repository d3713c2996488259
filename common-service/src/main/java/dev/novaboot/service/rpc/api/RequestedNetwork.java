package dev.novaboot.service.rpc.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A network an instance asks to be on. As in Nova's {@code NetworkRequest}, a single
 * request whose network id is {@code "none"} or {@code "auto"} carries the compute API's
 * {@code "networks": "none"} (no ports at all) or {@code "networks": "auto"} (the one
 * network the project may use, made for it if it has none); these two words can never be
 * network uuids.
 *
 * @param networkId the network's uuid, or {@link #NONE} or {@link #AUTO}
 * @param fixedIp the address wanted on it, or {@code null} for any free one
 */
public record RequestedNetwork(@JsonProperty("network_id") String networkId, @JsonProperty("fixed_ip") String fixedIp) {

	/** Nova's {@code NETWORK_ID_NONE}: allocate nothing. */
	public static final String NONE = "none";

	/** Nova's {@code NETWORK_ID_AUTO}: the project's only usable network, or one made for it. */
	public static final String AUTO = "auto";

	public static RequestedNetwork none() {
		return new RequestedNetwork(NONE, null);
	}

	public static RequestedNetwork auto() {
		return new RequestedNetwork(AUTO, null);
	}

	/**
	 * Whether the requests are {@code "none"}: the instance gets no ports, and nothing is
	 * asked of the network service.
	 */
	public static boolean isNone(List<RequestedNetwork> requested) {
		return requested.size() == 1 && requested.get(0).noAllocate();
	}

	/** Whether this request is {@code "none"}: the instance gets no ports. */
	public boolean noAllocate() {
		return NONE.equals(this.networkId);
	}

	/** Whether this request is {@code "auto"}. */
	public boolean autoAllocate() {
		return AUTO.equals(this.networkId);
	}

}
