package dev.novaboot.network.manager;

import java.util.List;

import dev.novaboot.network.driver.BridgeSetup;
import dev.novaboot.network.driver.DhcpConfig;
import dev.novaboot.network.driver.PortFilter;
import dev.novaboot.network.driver.RouterSetup;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.Router;
import dev.novaboot.service.context.RequestContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What IPv6 subnets and static routes ask of the host (the context of
 * {@link FlatDhcpManagerTests}, with a recording driver): each IPv6 gateway on the bridge,
 * dnsmasq's IPv6 ranges in the subnets' modes with host entries for stateful addresses
 * only, the port's IPv6 addresses and rules in its filter, and a router's routes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "nova.network.manager=flat-dhcp")
@AutoConfigureTestRestTemplate
@Import(StrategyTestConfiguration.class)
class Ipv6HostNetworkingTests {

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
	RecordingNetworkDriver driver;

	private void ipv6Subnet(RequestContext context, Network network, String cidr, String mode, String raMode) {
		this.subnets.create(context, new SubnetSpec(network.getUuid(), null, cidr, null, cidr, 6, false, null, null,
				List.of("fd00:53::53"), null, null, mode, raMode));
	}

	@Test
	void ipv6SubnetsAreGatewaysAndRangesOfTheirModesAndTheirAddressesAreFiltered() {
		RequestContext context = context("v6-host");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "v6h", "10.35.0.0/24", false);
		ipv6Subnet(context, network, "fd00:35::/64", "slaac", "slaac");
		ipv6Subnet(context, network, "fd00:36::/64", "dhcpv6-stateful", "dhcpv6-stateful");
		// another router advertises this one: not served here
		ipv6Subnet(context, network, "fd00:37::/64", "dhcpv6-stateless", null);
		Port port = this.ports.create(context, new PortSpec(network.getUuid(), null, null, null, "fa:16:3e:35:00:01",
				null, "vm-v6h", "compute:nova", null, null));
		this.manager.portAdded(network.getUuid());

		assertThat(this.driver.plugged).contains(new BridgeSetup("br100", null, null, "10.35.0.1/24"),
				new BridgeSetup("br100", null, null, "fd00:35::1/64"), new BridgeSetup("br100", null, null, "fd00:36::1/64"));
		DhcpConfig dhcp = this.driver.dhcp.get(network.getUuid());
		assertThat(dhcp.network()).isEqualTo("10.35.0.0");
		assertThat(dhcp.ipv6()).containsExactly(new DhcpConfig.Ipv6Range("fd00:35::", 64, "slaac", List.of("fd00:53::53")),
				new DhcpConfig.Ipv6Range("fd00:36::", 64, "dhcpv6-stateful", List.of("fd00:53::53")));
		assertThat(dhcp.hosts()).extracting(DhcpConfig.DhcpHost::address).containsExactlyInAnyOrder("10.35.0.2", "fd00:36::2");
		assertThat(dhcp.hosts()).extracting(DhcpConfig.DhcpHost::hostname).contains("host-fd00-36--2");

		PortFilter filter = this.driver.filters.get(port.getUuid());
		assertThat(filter.addresses()).containsExactlyInAnyOrder("10.35.0.2", "fd00:35::f816:3eff:fe35:1", "fd00:36::2",
				"fd00:37::f816:3eff:fe35:1");
		// the default group's IPv6 ingress from its members: each of their IPv6 addresses
		assertThat(filter.rules()).contains(new PortFilter.Rule("ingress", null, null, null, "fd00:36::2/128", "IPv6"),
				new PortFilter.Rule("ingress", null, null, null, "10.35.0.2/32", "IPv4"),
				new PortFilter.Rule("egress", null, null, null, null, "IPv6"))
			.doesNotContain(new PortFilter.Rule("ingress", null, null, null, "10.35.0.2/128", "IPv6"));
	}

	@Test
	void aRoutersStaticRoutesAreInItsSetup() {
		RequestContext context = context("routes-host");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "rth", "10.38.0.0/24", false);
		Router router = this.routers.create(context, null, "rth", null, null, null);
		this.routers.addInterface(context, router.getUuid(), ManagerTestSupport.onlySubnet(this.subnets, network).getUuid(),
				null);
		this.routers.update(context, router.getUuid(), null, null, null, false, null,
				List.of(new SubnetSpec.Route("192.168.38.0/24", "10.38.0.9")));
		this.manager.routerChanged(router.getUuid());
		assertThat(this.driver.routers.get(router.getUuid()).routes())
			.containsExactly(new RouterSetup.Route("192.168.38.0/24", "10.38.0.9"));
	}

}
