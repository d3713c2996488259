package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.RequestedNetwork;

/**
 * What compute needs from nova-network: addresses for an instance at boot, released at
 * delete (over RPC, nova-network's {@code allocate_for_instance}).
 */
public interface NetworkAllocator {

	/**
	 * Whether a network service is up to ask: a boot that needs addresses is refused
	 * while there is none, instead of failing later on its host.
	 */
	boolean available();

	/**
	 * Checks a boot's networks and security groups before the instance is recorded (Nova's
	 * {@code validate_networks}).
	 * @param securityGroups by name or id; {@code null} for the project's default group
	 * @return the names of the groups, in the order given (empty for {@code null})
	 * @throws NetworkRequestRefusedException when a network cannot be used, an address is
	 * taken or a group is unknown
	 */
	List<String> validate(RequestContext context, List<RequestedNetwork> requested, List<String> securityGroups);

	/**
	 * @param securityGroups the groups of every port, by name or id; {@code null} for the
	 * project's default group
	 * @throws NetworkAllocationException when a requested network or address cannot be had
	 */
	NetworkInfo allocate(RequestContext context, String instanceUuid, String host, List<RequestedNetwork> requested,
			List<String> securityGroups);

	/**
	 * Puts the instance's ports in the group (Nova's {@code addSecurityGroup}).
	 * @return the group's name
	 * @throws NetworkRequestRefusedException when the group is unknown or ambiguous, or the
	 * instance has no ports
	 */
	String addSecurityGroup(RequestContext context, String instanceUuid, String group);

	/**
	 * Takes the instance's ports out of the group (Nova's {@code removeSecurityGroup}).
	 * @return the group's name
	 * @throws NetworkRequestRefusedException when the group is unknown or not the instance's
	 */
	String removeSecurityGroup(RequestContext context, String instanceUuid, String group);

	/**
	 * The instance's interfaces as the network service has them now, floating IPs
	 * included (Nova's {@code get_instance_nw_info}).
	 */
	NetworkInfo info(RequestContext context, String instanceUuid);

	/** Releases everything the instance holds; nothing held is fine. */
	default void deallocate(RequestContext context, String instanceUuid, String host) {
		deallocate(context, instanceUuid, host, List.of());
	}

	/**
	 * Releases everything the instance holds, except that the ports the user gave are
	 * unbound and kept (Nova's {@code preserve_on_delete}); nothing held is fine.
	 */
	void deallocate(RequestContext context, String instanceUuid, String host, List<String> preservedPortIds);

	/**
	 * One more port for the instance (Nova's {@code allocate_for_instance} of an interface
	 * attach): the user's port {@code portId} bound to it, a new port on {@code networkId}
	 * ({@code fixedIp} on it when given), or with neither a port on the one network the
	 * project may use.
	 * @param securityGroups the instance's groups, which a new port gets ({@code null}:
	 * the project's default group)
	 * @return the interface, with {@code preserveOnDelete} set for the user's port
	 * @throws NetworkRequestRefusedException with the name of Nova's exception when the
	 * port or network cannot be had
	 */
	NetworkInfo.Vif allocatePort(RequestContext context, String instanceUuid, String host, String networkId,
			String portId, String fixedIp, List<String> securityGroups);

	/**
	 * Takes one port from the instance (Nova's {@code deallocate_port_for_instance}):
	 * deleted, or unbound and kept when {@code preserve}; a port already gone is fine.
	 */
	void deallocatePort(RequestContext context, String instanceUuid, String host, String portId, boolean preserve);

	/**
	 * Binds every port of the instance to {@code host} (Nova's
	 * {@code setup_instance_network_on_host} / {@code migrate_instance_finish}: the port's
	 * {@code binding:host_id}), when the instance moves there.
	 */
	void bindToHost(RequestContext context, String instanceUuid, String host);

	/** The ports bound to the instance now, in the network service's order. */
	List<AttachedPort> ports(RequestContext context, String instanceUuid);

}
