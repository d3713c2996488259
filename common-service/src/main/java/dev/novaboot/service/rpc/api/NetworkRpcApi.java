package dev.novaboot.service.rpc.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcApi;

/**
 * What other services (compute, above all) ask of nova-network: addresses for an
 * instance when it is built, their release when it is deleted, and floating IPs. Nova's
 * {@code nova.network.api} calls of the same names. Failures carry the Networking API's
 * error type, such as {@code IpAddressGenerationFailure} when a network is full.
 * <p>
 * Each method takes one request record after the context, its fields named in snake case
 * as Nova's named RPC arguments are, so that a newer minor version can add a field that
 * an older side ignores. Version 2.0: version 1.0 took positional arguments, which a 2.0
 * service refuses by its major version rather than misreading them. Version 2.1 adds
 * {@code validate_networks} and the security group calls of Nova's server actions; 2.2
 * the interface attach and detach of one port ({@code allocate_port_for_instance},
 * {@code deallocate_port_for_instance}) and the ports a delete keeps; 2.3
 * {@code setup_instance_network_on_host}, the ports following an instance to another host.
 */
@RpcApi(topic = "network", version = "2.3")
public interface NetworkRpcApi {

	/**
	 * Gives the instance one port with a fixed IP on each requested network, or on the
	 * project's default networks (all networks it may use under the flat strategies, its
	 * own VLAN network, created on first use, under the vlan strategy) when none is
	 * requested. Allocating again for an instance that already has ports returns them.
	 */
	InstanceNetworkInfo allocateForInstance(RequestContext context, AllocateForInstance request);

	/**
	 * Releases every port and fixed IP of the instance and disassociates its floating IPs;
	 * the ports the user gave (since 2.2, {@code preserved_port_ids}) are unbound instead,
	 * as Nova's {@code deallocate_for_instance} keeps them.
	 */
	void deallocateForInstance(RequestContext context, DeallocateForInstance request);

	/**
	 * Gives the instance one more port (Nova's {@code allocate_for_instance} with the one
	 * request of an interface attach): a new port on {@code network_id} (with
	 * {@code fixed_ip} when given), or the user's unbound port {@code port_id} bound to the
	 * instance, or with neither the one network the project may use. A refusal is an answer
	 * carrying the name of Nova's exception ({@code PortNotFound}, {@code PortInUse},
	 * {@code NetworkNotFound}, ...); nothing is left behind. Since 2.2.
	 */
	PortAllocation allocatePortForInstance(RequestContext context, AllocatePortForInstance request);

	/**
	 * Takes one port from the instance (Nova's {@code deallocate_port_for_instance}): a
	 * port the network service made for it is deleted, a port the user gave
	 * ({@code preserve}) is unbound and kept; a port already gone is fine. Since 2.2.
	 */
	void deallocatePortForInstance(RequestContext context, DeallocatePortForInstance request);

	/** The instance's current network info (empty when it has no ports). */
	InstanceNetworkInfo getInstanceNetworkInfo(RequestContext context, InstanceRef instance);

	/**
	 * Binds every port of the instance (and its fixed IPs) to the host it moved to: Nova's
	 * {@code setup_instance_network_on_host}, which a migration, its revert and an
	 * evacuation call on the destination (a call; since 2.3).
	 */
	void setupInstanceNetworkOnHost(RequestContext context, InstanceHost request);

	/** Allocates a floating IP to a project from an external network. */
	FloatingAddress allocateFloatingIp(RequestContext context, AllocateFloatingIp request);

	/** NATs the floating IP to one of the project's fixed IPs (moving it if associated elsewhere). */
	FloatingAddress associateFloatingIp(RequestContext context, AssociateFloatingIp request);

	FloatingAddress disassociateFloatingIp(RequestContext context, FloatingIpRef floatingIp);

	/** Gives the floating IP back to its pool, disassociating it first. */
	void releaseFloatingIp(RequestContext context, FloatingIpRef floatingIp);

	/**
	 * Checks a boot's networks and security groups before any instance is recorded (Nova's
	 * {@code validate_networks} with its API's security group check): each requested
	 * network exists, the project may use it and it has a subnet; a requested fixed IP is
	 * not held by a port; each group names one of the project's groups. Since 2.1.
	 */
	NetworkCheck validateNetworks(RequestContext context, ValidateNetworks request);

	/**
	 * Puts every port of the instance in the group as well (Nova's
	 * {@code addSecurityGroup} action), and enforces it. Since 2.1.
	 */
	NetworkCheck addSecurityGroup(RequestContext context, InstanceSecurityGroup request);

	/** Takes every port of the instance out of the group (Nova's {@code removeSecurityGroup}). Since 2.1. */
	NetworkCheck removeSecurityGroup(RequestContext context, InstanceSecurityGroup request);

	/**
	 * @param instanceUuid the instance
	 * @param projectId the instance's project
	 * @param host the compute host the instance runs on
	 * @param requestedNetworks the networks asked for, empty for the defaults; the single
	 * request {@link RequestedNetwork#none()} gives no ports, {@link RequestedNetwork#auto()}
	 * the one network the project may use (one made for it under the vlan strategy when it
	 * has none; an error when it may use several, or none and none can be made)
	 * @param securityGroups the security groups of every port, by name or id, as Nova's
	 * {@code security_groups} at boot; {@code null} for the project's {@code default} group
	 */
	record AllocateForInstance(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("project_id") String projectId, String host,
			@JsonProperty("requested_networks") List<RequestedNetwork> requestedNetworks,
			@JsonProperty("security_groups") List<String> securityGroups) {

		public AllocateForInstance {
			requestedNetworks = (requestedNetworks != null) ? List.copyOf(requestedNetworks) : List.of();
			securityGroups = (securityGroups != null) ? List.copyOf(securityGroups) : null;
		}

		/** Ports in the project's default group. */
		public AllocateForInstance(String instanceUuid, String projectId, String host,
				List<RequestedNetwork> requestedNetworks) {
			this(instanceUuid, projectId, host, requestedNetworks, null);
		}

	}

	/**
	 * @param host the compute host the instance ran on
	 * @param preservedPortIds the ports the user gave, unbound rather than deleted (since
	 * 2.2; empty from an older caller, which deletes them all as before)
	 */
	record DeallocateForInstance(@JsonProperty("instance_uuid") String instanceUuid, String host,
			@JsonProperty("preserved_port_ids") List<String> preservedPortIds) {

		public DeallocateForInstance {
			preservedPortIds = (preservedPortIds != null) ? List.copyOf(preservedPortIds) : List.of();
		}

		/** Every port of the instance deleted. */
		public DeallocateForInstance(String instanceUuid, String host) {
			this(instanceUuid, host, List.of());
		}

	}

	/**
	 * One interface for an instance (Nova's {@code NetworkRequest} of an attach): at most one
	 * of {@code network_id} and {@code port_id}; neither means the one network the project
	 * may use.
	 *
	 * @param instanceUuid the instance
	 * @param projectId the instance's project, whose network or port it must be
	 * @param host the compute host the instance runs on
	 * @param networkId the network for a new port, or {@code null}
	 * @param portId the user's existing port, or {@code null}
	 * @param fixedIp the address wanted on {@code network_id}, or {@code null} for any
	 * @param securityGroups the instance's groups, which a new port gets (by name or id;
	 * {@code null} for the project's default group); a user's port keeps its own
	 */
	record AllocatePortForInstance(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("project_id") String projectId, String host, @JsonProperty("network_id") String networkId,
			@JsonProperty("port_id") String portId, @JsonProperty("fixed_ip") String fixedIp,
			@JsonProperty("security_groups") List<String> securityGroups) {

		public AllocatePortForInstance {
			securityGroups = (securityGroups != null) ? List.copyOf(securityGroups) : null;
		}

	}

	/**
	 * @param preserve whether the user gave the port (unbound and kept) rather than the
	 * network service making it (deleted)
	 */
	record DeallocatePortForInstance(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("port_id") String portId, boolean preserve, String host) {
	}

	/**
	 * @param projectId the project the instance will belong to
	 * @param requestedNetworks as for {@link AllocateForInstance}
	 * @param securityGroups the groups by name or id, {@code null} for the default group
	 */
	record ValidateNetworks(@JsonProperty("project_id") String projectId,
			@JsonProperty("requested_networks") List<RequestedNetwork> requestedNetworks,
			@JsonProperty("security_groups") List<String> securityGroups) {

		public ValidateNetworks {
			requestedNetworks = (requestedNetworks != null) ? List.copyOf(requestedNetworks) : List.of();
			securityGroups = (securityGroups != null) ? List.copyOf(securityGroups) : null;
		}

	}

	/**
	 * @param instanceUuid the instance whose ports change
	 * @param projectId the instance's project, whose group it must be
	 * @param group the group's name or id
	 */
	record InstanceSecurityGroup(@JsonProperty("instance_uuid") String instanceUuid,
			@JsonProperty("project_id") String projectId, String group) {
	}

	/** An instance by uuid. */
	/** An instance and the host its ports are bound to from now on. */
	record InstanceHost(@JsonProperty("instance_uuid") String instanceUuid, String host) {
	}

	record InstanceRef(@JsonProperty("instance_uuid") String instanceUuid) {
	}

	/** @param pool the external network's id or name, {@code null} when there is exactly one */
	record AllocateFloatingIp(@JsonProperty("project_id") String projectId, String pool) {
	}

	record AssociateFloatingIp(@JsonProperty("floating_address") String floatingAddress,
			@JsonProperty("fixed_address") String fixedAddress) {
	}

	/** A floating IP by its address. */
	record FloatingIpRef(@JsonProperty("floating_address") String floatingAddress) {
	}

}
