package dev.novaboot.network.manager;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.service.context.RequestContext;

/**
 * Builds what manager tests need: contexts and networks with a subnet.
 */
final class ManagerTestSupport {

	static final RequestContext ADMIN = context("admin", "admin");

	private ManagerTestSupport() {
	}

	static RequestContext context(String project, String... roles) {
		return new RequestContext("req-" + UUID.randomUUID(), "user-" + project, project,
				Set.of((roles.length == 0) ? new String[] { "member" } : roles));
	}

	static Network network(NetworkService networks, SubnetService subnets, RequestContext context, String name,
			String cidr, boolean shared) {
		Network network = networks.create(context,
				new NetworkSpec(null, name, null, null, shared ? Boolean.TRUE : null, null, null, null, null),
				Network.FLAT);
		subnets.create(context, new SubnetSpec(network.getUuid(), null, name + "-subnet", null, cidr, 4, false, null,
				null, List.of("192.0.2.53"), null));
		return network;
	}

	static Network external(NetworkService networks, SubnetService subnets, String cidr) {
		Network network = networks.create(ADMIN,
				new NetworkSpec(null, "public-" + cidr, null, null, null, true, null, null, null), Network.FLAT);
		subnets.create(ADMIN, new SubnetSpec(network.getUuid(), null, "public", null, cidr, 4, false, null, null,
				List.of(), false));
		return network;
	}

	static Subnet onlySubnet(SubnetService subnets, Network network) {
		return subnets.ofNetwork(network).get(0);
	}

	static String instance() {
		return UUID.randomUUID().toString();
	}

}
