package dev.novaboot.network.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.network.store.Network;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.driver.SelectedBy;
import dev.novaboot.service.manager.Manager;
import dev.novaboot.service.rpc.api.FloatingAddress;
import dev.novaboot.service.rpc.api.InstanceNetworkInfo;
import dev.novaboot.service.rpc.api.NetworkCheck;
import dev.novaboot.service.rpc.api.NetworkRpcApi;
import dev.novaboot.service.rpc.api.PortAllocation;

/**
 * Owns networks and addresses. The overall strategy (flat, flat with DHCP, a VLAN per
 * project) differs at this level; how the host is configured differs at the driver level.
 * A strategy says which networks an instance gets by default and whether this host serves
 * DHCP; everything else is the shared {@link NetworkOperations}, which the default methods
 * here delegate to.
 */
@SelectedBy(property = "nova.network.manager", choices = NetworkManager.Choice.class)
public interface NetworkManager extends Manager, NetworkRpcApi {

	/** The value of {@code nova.network.manager} that selects this strategy. */
	String strategy();

	/** The type of a network created without provider attributes: {@code flat} or {@code vlan}. */
	String defaultNetworkType();

	/** Whether this host runs a DHCP server for its networks (and is their gateway). */
	boolean runsDhcp();

	/** The networks an instance of the project is put on when it asks for none. */
	List<Network> defaultNetworks(String projectId);

	/**
	 * The network {@code "networks": "auto"} makes for a project that may use none (what
	 * Neutron's auto-allocated topology is to Nova), or empty when this strategy makes none.
	 */
	default Optional<Network> autoAllocatedNetwork(String projectId) {
		return Optional.empty();
	}

	/** The logic all strategies share. */
	NetworkOperations operations();

	@Override
	default void initHost() {
		operations().host().reapply(runsDhcp());
	}

	@Override
	default InstanceNetworkInfo allocateForInstance(RequestContext context, AllocateForInstance request) {
		return operations().allocateForInstance(context, request.instanceUuid(), request.projectId(), request.host(),
				request.requestedNetworks(), request.securityGroups(), () -> defaultNetworks(request.projectId()),
				() -> autoAllocatedNetwork(request.projectId()), runsDhcp());
	}

	@Override
	default NetworkCheck validateNetworks(RequestContext context, ValidateNetworks request) {
		return operations().validateNetworks(context, request.projectId(), request.requestedNetworks(),
				request.securityGroups());
	}

	@Override
	default NetworkCheck addSecurityGroup(RequestContext context, InstanceSecurityGroup request) {
		return operations().addSecurityGroup(context, request.instanceUuid(), request.projectId(), request.group());
	}

	@Override
	default NetworkCheck removeSecurityGroup(RequestContext context, InstanceSecurityGroup request) {
		return operations().removeSecurityGroup(context, request.instanceUuid(), request.projectId(), request.group());
	}

	@Override
	default void deallocateForInstance(RequestContext context, DeallocateForInstance request) {
		operations().deallocateForInstance(request.instanceUuid(), request.preservedPortIds(), runsDhcp());
	}

	@Override
	default PortAllocation allocatePortForInstance(RequestContext context, AllocatePortForInstance request) {
		return operations().allocatePortForInstance(context, request, runsDhcp());
	}

	@Override
	default void deallocatePortForInstance(RequestContext context, DeallocatePortForInstance request) {
		operations().deallocatePortForInstance(request, runsDhcp());
	}

	@Override
	default InstanceNetworkInfo getInstanceNetworkInfo(RequestContext context, InstanceRef instance) {
		return operations().info(instance.instanceUuid());
	}

	@Override
	default void setupInstanceNetworkOnHost(RequestContext context, InstanceHost request) {
		operations().bindToHost(request.instanceUuid(), request.host());
	}

	@Override
	default FloatingAddress allocateFloatingIp(RequestContext context, AllocateFloatingIp request) {
		return operations().allocateFloatingIp(context, request.projectId(), request.pool());
	}

	@Override
	default FloatingAddress associateFloatingIp(RequestContext context, AssociateFloatingIp request) {
		return operations().associateFloatingIp(context, request.floatingAddress(), request.fixedAddress());
	}

	@Override
	default FloatingAddress disassociateFloatingIp(RequestContext context, FloatingIpRef floatingIp) {
		return operations().disassociateFloatingIp(context, floatingIp.floatingAddress());
	}

	@Override
	default void releaseFloatingIp(RequestContext context, FloatingIpRef floatingIp) {
		operations().releaseFloatingIp(context, floatingIp.floatingAddress());
	}

	/** Brings the host in step after a network or its subnets changed. */
	default void networkChanged(String networkUuid) {
		operations().host().setUp(networkUuid, runsDhcp());
	}

	/** Takes a deleted subnet's gateway off the host and updates DHCP. */
	default void subnetRemoved(SubnetService.RemovedSubnet removed) {
		operations().host().removeGateway(removed);
		operations().host().setUp(removed.networkUuid(), runsDhcp());
	}

	/** Takes a deleted network off the host. */
	default void networkRemoved(RemovedNetwork removed) {
		operations().host().tearDown(removed);
	}

	/** Updates DHCP and the ports' security group filters after a port was created or changed through the API. */
	default void portAdded(String networkUuid) {
		operations().host().setUp(networkUuid, runsDhcp());
		operations().host().refreshPortFilters(networkUuid);
	}

	/** Sets a router up again after it, its interfaces, gateway or floating IPs changed. */
	default void routerChanged(String routerUuid) {
		operations().host().applyRouter(routerUuid);
	}

	/** Gives a subnet's gateway back to the bridge once no router interface holds it. */
	default void routerInterfaceRemoved(String routerUuid, String networkUuid) {
		operations().host().applyRouter(routerUuid);
		operations().host().setUp(networkUuid, runsDhcp());
	}

	/** Enforces changed security groups or rules on the ports of this host's networks. */
	default void securityGroupsChanged() {
		operations().host().refreshAllPortFilters();
	}

	/** Takes a deleted router off the host that carried it. */
	default void routerRemoved(String routerUuid, String routerHost) {
		operations().host().removeRouter(routerUuid, routerHost);
	}

	/** Undoes a deleted port's NAT bindings and DHCP entries. */
	default void portRemoved(PortService.RemovedPort removed) {
		operations().afterPortsRemoved(List.of(removed), runsDhcp());
	}

	/**
	 * Moves a floating IP's NAT after it was associated, disassociated or released, and
	 * tells the instances' compute hosts.
	 */
	default void floatingIpChanged(PortService.Binding before, PortService.Binding after) {
		operations().floatingIpMoved(before, after);
	}

	/**
	 * The periodic task of every strategy (registered by {@link NetworkPeriodicTasks}):
	 * releases the addresses of instances that no longer exist.
	 * @return the instances released
	 */
	default List<String> releaseVanishedInstances() {
		return operations().releaseVanishedInstances(runsDhcp());
	}

	/** The values of {@code nova.network.manager}. */
	enum Choice {

		/** Fixed IPs from pre-created networks bridged to an existing bridge; no DHCP (the default). */
		FLAT,

		/** Like {@code flat}, and this host runs dnsmasq for each network. */
		FLAT_DHCP,

		/** Each project its own network on its own VLAN. */
		VLAN

	}

}
