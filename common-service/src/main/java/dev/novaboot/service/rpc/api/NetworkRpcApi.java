package dev.novaboot.service.rpc.api;

import java.util.List;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcApi;

/**
 * What other services (compute, above all) ask of nova-network: addresses for an
 * instance when it is built, their release when it is deleted, and floating IPs. Nova's
 * {@code nova.network.api} calls of the same names. Failures carry the Networking API's
 * error type, such as {@code IpAddressGenerationFailure} when a network is full.
 */
@RpcApi(topic = "network", version = "1.0")
public interface NetworkRpcApi {

	/**
	 * Gives the instance one port with a fixed IP on each requested network, or on the
	 * project's default networks (all networks it may use under the flat strategies, its
	 * own VLAN network, created on first use, under the vlan strategy) when none is
	 * requested. Allocating again for an instance that already has ports returns them.
	 * @param instanceUuid the instance
	 * @param projectId the instance's project
	 * @param host the compute host the instance runs on
	 * @param requestedNetworks the networks asked for, empty for the defaults; the single
	 * request {@link RequestedNetwork#none()} gives no ports, {@link RequestedNetwork#auto()}
	 * the one network the project may use (one made for it under the vlan strategy when it
	 * has none; an error when it may use several, or none and none can be made)
	 */
	InstanceNetworkInfo allocateForInstance(RequestContext context, String instanceUuid, String projectId, String host,
			List<RequestedNetwork> requestedNetworks);

	/** Releases every port and fixed IP of the instance and disassociates its floating IPs. */
	void deallocateForInstance(RequestContext context, String instanceUuid, String host);

	/** The instance's current network info (empty when it has no ports). */
	InstanceNetworkInfo getInstanceNetworkInfo(RequestContext context, String instanceUuid);

	/**
	 * Allocates a floating IP to a project from an external network.
	 * @param pool the external network's id or name, {@code null} when there is exactly one
	 */
	FloatingAddress allocateFloatingIp(RequestContext context, String projectId, String pool);

	/** NATs the floating IP to one of the project's fixed IPs (moving it if associated elsewhere). */
	FloatingAddress associateFloatingIp(RequestContext context, String floatingAddress, String fixedAddress);

	FloatingAddress disassociateFloatingIp(RequestContext context, String floatingAddress);

	/** Gives the floating IP back to its pool, disassociating it first. */
	void releaseFloatingIp(RequestContext context, String floatingAddress);

}
