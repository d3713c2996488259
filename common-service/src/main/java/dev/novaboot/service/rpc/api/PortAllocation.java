package dev.novaboot.service.rpc.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The network service's answer to an interface attach ({@code allocate_port_for_instance}):
 * the port given to the instance, or a refusal named as Nova names its exception
 * ({@code PortNotFound}, {@code PortNotUsable}, {@code PortInUse},
 * {@code PortRequiresFixedIP}, {@code NetworkNotFound}, {@code NetworkRequiresSubnet},
 * {@code NetworkAmbiguous}, {@code InterfaceAttachFailedNoNetwork},
 * {@code FixedIpAlreadyInUse}, {@code NoMoreFixedIps}) with its message, so that the
 * compute API can answer Nova's status for each. As {@link NetworkCheck}, a refusal is an
 * answer rather than a remote exception.
 *
 * @param fault the name of Nova's exception, {@code null} when accepted
 * @param message what is wrong, {@code null} when accepted
 * @param interfaces the new port's entries (one per address), empty when refused
 * @param preexisting whether the port was the user's (it is unbound, not deleted, when
 * detached)
 */
public record PortAllocation(String fault, String message, List<VirtualInterface> interfaces, boolean preexisting) {

	public PortAllocation {
		interfaces = (interfaces != null) ? List.copyOf(interfaces) : List.of();
	}

	public static PortAllocation accepted(List<VirtualInterface> interfaces, boolean preexisting) {
		return new PortAllocation(null, null, interfaces, preexisting);
	}

	public static PortAllocation refused(String fault, String message) {
		return new PortAllocation(fault, message, List.of(), false);
	}

	@JsonIgnore
	public boolean isAccepted() {
		return this.fault == null;
	}

}
