package dev.novaboot.network.manager;

import java.util.List;

import dev.novaboot.network.driver.BridgeSetup;
import dev.novaboot.network.driver.RouterSetup;
import dev.novaboot.network.store.FloatingIp;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.Router;
import dev.novaboot.network.store.Subnet;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.FloatingAddress;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateFloatingIp;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AssociateFloatingIp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a router asks of the host (the context of {@link FlatDhcpManagerTests}, with a
 * recording driver): its interfaces, gateway and floating IPs as one setup after every
 * change, the subnet's gateway address moved from the bridge to the router, floating IPs
 * associated through the API NATed by the router and, over RPC without a router, by the
 * host's chains as before.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "nova.network.manager=flat-dhcp")
@AutoConfigureTestRestTemplate
@Import(StrategyTestConfiguration.class)
class RouterHostNetworkingTests {

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@Autowired
	PortService ports;

	@Autowired
	RouterService routers;

	@Autowired
	FloatingIpService floatingIps;

	@Autowired
	RecordingNetworkDriver driver;

	@Autowired
	StrategyTestConfiguration.RecordedInstanceEvents events;

	@Test
	void theRouterIsSetUpWithItsInterfaceGatewayAndFloatingIpsAndRemovedWithIt() {
		RequestContext context = context("router-host");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "rh", "10.31.0.0/24", false);
		Subnet subnet = ManagerTestSupport.onlySubnet(this.subnets, network);
		Network external = ManagerTestSupport.external(this.networks, this.subnets, "203.0.113.96/28");
		Port port = this.ports.create(context,
				new PortSpec(network.getUuid(), null, null, null, null, null, "vm-rh", "compute:nova", null, null));
		this.manager.portAdded(network.getUuid());
		assertThat(this.driver.plugged).contains(new BridgeSetup("br100", null, null, "10.31.0.1/24"));

		Router router = this.routers.create(context, null, "rh", null, null,
				new RouterService.GatewayInfo(external.getUuid(), null, null));
		this.routers.addInterface(context, router.getUuid(), subnet.getUuid(), null);
		this.manager.routerChanged(router.getUuid());

		RouterSetup setup = this.driver.routers.get(router.getUuid());
		assertThat(setup.interfaces()).singleElement()
			.satisfies((port0) -> assertThat(port0.addressCidr()).isEqualTo("10.31.0.1/24"))
			.satisfies((port0) -> assertThat(port0.bridge()).isEqualTo("br100"));
		assertThat(setup.gateway().addressCidr()).isEqualTo("203.0.113.98/28");
		assertThat(setup.gateway().nexthop()).isEqualTo("203.0.113.97");
		assertThat(setup.gateway().snat()).isTrue();
		// the router's interface holds the gateway address now, not the bridge
		assertThat(this.driver.unplugged).contains(new BridgeSetup("br100", null, null, "10.31.0.1/24"));
		this.driver.plugged.clear();
		this.manager.networkChanged(network.getUuid());
		assertThat(this.driver.plugged).containsExactly(new BridgeSetup("br100", null, null, null));

		FloatingIpService.Change change = this.floatingIps.create(context, external.getUuid(), null, null,
				port.getUuid(), null, null);
		this.manager.floatingIpChanged(change.before(), change.after());
		FloatingIp floating = change.floatingIp();
		assertThat(this.driver.routers.get(router.getUuid()).floatingIps())
			.containsExactly(new RouterSetup.FloatingNat(floating.getAddress(), "10.31.0.2"));
		assertThat(this.driver.bound).doesNotContainKey(floating.getAddress());

		change = this.floatingIps.update(context, floating.getUuid(), true, null, null, null);
		this.manager.floatingIpChanged(change.before(), change.after());
		assertThat(this.driver.routers.get(router.getUuid()).floatingIps()).isEmpty();
		this.floatingIps.delete(context, floating.getUuid());

		this.routers.removeInterface(context, router.getUuid(), subnet.getUuid(), null);
		this.manager.routerInterfaceRemoved(router.getUuid(), network.getUuid());
		assertThat(this.driver.routers.get(router.getUuid()).interfaces()).isEmpty();
		assertThat(this.driver.plugged).contains(new BridgeSetup("br100", null, null, "10.31.0.1/24"));
		String host = this.routers.delete(context, router.getUuid());
		this.manager.routerRemoved(router.getUuid(), host);
		assertThat(this.driver.routers).doesNotContainKey(router.getUuid());
	}

	@Test
	void theInstancesComputeHostIsToldNetworkChangedWhenAFloatingIpReachesOrLeavesItsPort() {
		RequestContext context = context("router-events");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "re", "10.33.0.0/24", false);
		Subnet subnet = ManagerTestSupport.onlySubnet(this.subnets, network);
		Network external = ManagerTestSupport.external(this.networks, this.subnets, "203.0.113.128/28");
		Port bound = this.ports.create(context,
				new PortSpec(network.getUuid(), null, null, null, null, null, "vm-re", "compute:nova", null, "compute-7"));
		Port unbound = this.ports.create(context,
				new PortSpec(network.getUuid(), null, null, null, null, null, null, null, null, null));
		Router router = this.routers.create(context, null, "re", null, null,
				new RouterService.GatewayInfo(external.getUuid(), null, null));
		this.routers.addInterface(context, router.getUuid(), subnet.getUuid(), null);
		this.events.sent.clear();

		FloatingIpService.Change change = this.floatingIps.create(context, external.getUuid(), null, null,
				bound.getUuid(), null, null);
		this.manager.floatingIpChanged(change.before(), change.after());
		assertThat(this.events.sent).containsExactly("compute-7 vm-re " + bound.getUuid());

		// moved to a port that no instance holds: the instance it left is told, no one else
		change = this.floatingIps.update(context, change.floatingIp().getUuid(), true, unbound.getUuid(), null, null);
		this.manager.floatingIpChanged(change.before(), change.after());
		assertThat(this.events.sent).containsExactly("compute-7 vm-re " + bound.getUuid(),
				"compute-7 vm-re " + bound.getUuid());

		change = this.floatingIps.update(context, change.floatingIp().getUuid(), true, bound.getUuid(), null, null);
		this.manager.floatingIpChanged(change.before(), change.after());
		this.manager.floatingIpChanged(this.floatingIps.delete(context, change.floatingIp().getUuid()), null);
		assertThat(this.events.sent).hasSize(4).allMatch(("compute-7 vm-re " + bound.getUuid())::equals);
	}

	@Test
	void overRpcAFloatingIpWithoutARouterIsNatedByTheHostAsBefore() {
		RequestContext context = context("router-rpc");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "rr", "10.32.0.0/24", false);
		ManagerTestSupport.external(this.networks, this.subnets, "203.0.113.112/28");
		this.ports.create(context,
				new PortSpec(network.getUuid(), null, null, null, null, null, "vm-rr", "compute:nova", null, null));
		this.manager.portAdded(network.getUuid());
		FloatingAddress floating = this.manager.allocateFloatingIp(context,
				new AllocateFloatingIp("router-rpc", "public-203.0.113.112/28"));
		this.manager.associateFloatingIp(context, new AssociateFloatingIp(floating.address(), "10.32.0.2"));
		assertThat(this.driver.bound).containsEntry(floating.address(), "10.32.0.2");
		assertThat(List.copyOf(this.driver.routers.values()))
			.noneMatch((setup) -> setup.floatingIps().stream().anyMatch((nat) -> nat.floatingAddress().equals(floating.address())));
	}

}
