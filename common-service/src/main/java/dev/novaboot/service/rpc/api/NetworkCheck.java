package dev.novaboot.service.rpc.api;

import java.util.List;

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
 * @param securityGroups the names of the security groups the request named (by name or
 * id), in its order; empty when it named none
 */
public record NetworkCheck(String fault, String message,
		@JsonProperty("security_groups") List<String> securityGroups) {

	public NetworkCheck {
		securityGroups = (securityGroups != null) ? List.copyOf(securityGroups) : List.of();
	}

	public static NetworkCheck accepted() {
		return new NetworkCheck(null, null, List.of());
	}

	public static NetworkCheck accepted(List<String> securityGroups) {
		return new NetworkCheck(null, null, securityGroups);
	}

	public static NetworkCheck refused(String fault, String message) {
		return new NetworkCheck(fault, message, List.of());
	}

	@JsonIgnore
	public boolean isAccepted() {
		return this.fault == null;
	}

}
