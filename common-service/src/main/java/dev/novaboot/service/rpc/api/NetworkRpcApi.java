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
 * {@code validate_networks} and the security group calls of Nova's server actions.
 */
@RpcApi(topic = "network", version = "2.1")
public interface NetworkRpcApi {

	/**
	 * Gives the instance one port with a fixed IP on each requested network, or on the
	 * project's default networks (all networks it may use under the flat strategies, its
	 * own VLAN network, created on first use, under the vlan strategy) when none is
	 * requested. Allocating again for an instance that already has ports returns them.
	 */
	InstanceNetworkInfo allocateForInstance(RequestContext context, AllocateForInstance request);

	/** Releases every port and fixed IP of the instance and disassociates its floating IPs. */
	void deallocateForInstance(RequestContext context, DeallocateForInstance request);

	/** The instance's current network info (empty when it has no ports). */
	InstanceNetworkInfo getInstanceNetworkInfo(RequestContext context, InstanceRef instance);

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

	/** @param host the compute host the instance ran on */
	record DeallocateForInstance(@JsonProperty("instance_uuid") String instanceUuid, String host) {
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
