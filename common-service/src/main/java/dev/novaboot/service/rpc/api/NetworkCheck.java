package dev.novaboot.service.rpc.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The network service's answer to a request it may refuse for a reason the caller turns
 * into its own API's fault: accepted, or refused with the name of Nova's exception for the
 * reason ({@code NetworkNotFound}, {@code SecurityGroupNotFound}, {@code NoUniqueMatch}...)
 * and its message. A refusal is an answer rather than a remote exception so that the caller
 * can tell a 400 from a 404 or a 409 by a stable name.
 *
 * @param fault the name of Nova's exception, {@code null} when accepted
 * @param message what is wrong, {@code null} when accepted
 * @param securityGroup the name of the security group the request resolved, if it named one
 */
public record NetworkCheck(String fault, String message, @JsonProperty("security_group") String securityGroup) {

	public static NetworkCheck accepted() {
		return new NetworkCheck(null, null, null);
	}

	public static NetworkCheck accepted(String securityGroup) {
		return new NetworkCheck(null, null, securityGroup);
	}

	public static NetworkCheck refused(String fault, String message) {
		return new NetworkCheck(fault, message, null);
	}

	@JsonIgnore
	public boolean isAccepted() {
		return this.fault == null;
	}

}
