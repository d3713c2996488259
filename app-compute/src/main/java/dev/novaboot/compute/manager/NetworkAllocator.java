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
	void deallocate(RequestContext context, String instanceUuid, String host);

}
