package dev.novaboot.network.manager;

import dev.novaboot.network.driver.PortFilter;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.SecurityGroup;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the host is asked to enforce for an instance's port (the context of
 * {@link FlatDhcpManagerTests}, with a recording driver): its default group's IPv4 rules,
 * the remote group as its members' addresses, a new rule once it is made, and nothing
 * once the port is gone; the network's own ports are not filtered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "nova.network.manager=flat-dhcp")
@AutoConfigureTestRestTemplate
@Import(StrategyTestConfiguration.class)
class PortFilterHostNetworkingTests {

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@Autowired
	PortService ports;

	@Autowired
	SecurityGroupService groups;

	@Autowired
	RecordingNetworkDriver driver;

	@Test
	void anInstancePortIsFilteredByItsGroupsRulesUntilItIsDeleted() {
		RequestContext context = context("filter-host");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "fh", "10.33.0.0/24", false);
		Port port = this.ports.create(context,
				new PortSpec(network.getUuid(), null, null, null, null, null, "vm-fh", "compute:nova", null, null));
		Port service = this.ports.create(context,
				new PortSpec(network.getUuid(), null, null, null, null, null, "dhcp", "network:dhcp", null, null));
		this.manager.portAdded(network.getUuid());

		PortFilter filter = this.driver.filters.get(port.getUuid());
		assertThat(filter.macAddress()).isEqualTo(port.getMacAddress());
		assertThat(filter.addresses()).containsExactly("10.33.0.2");
		// Neutron's default group: every egress, ingress from the group's members (this port),
		// for each ethertype; the members have no IPv6 address, so no IPv6 ingress
		assertThat(filter.rules()).containsExactlyInAnyOrder(new PortFilter.Rule("ingress", null, null, null, "10.33.0.2/32"),
				new PortFilter.Rule("egress", null, null, null, null),
				new PortFilter.Rule("egress", null, null, null, null, "IPv6"));
		assertThat(this.driver.filters).doesNotContainKey(service.getUuid());

		SecurityGroup group = this.groups.ensureDefault("filter-host");
		this.groups.createRule(context, new SecurityGroupRuleSpec(group.getUuid(), null, "ingress", "IPv4", "tcp", 22, 22,
				"0.0.0.0/0", null, null));
		this.manager.securityGroupsChanged();
		assertThat(this.driver.filters.get(port.getUuid()).rules())
			.contains(new PortFilter.Rule("ingress", "tcp", 22, 22, "0.0.0.0/0"));

		this.manager.portRemoved(this.ports.delete(context, port.getUuid()));
		assertThat(this.driver.filters).doesNotContainKey(port.getUuid());
	}

	@Test
	void anInstanceIsPutInTheGroupsNovaNamesAndAnUnknownNameLeavesNoPort() {
		RequestContext context = context("filter-boot");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "fb", "10.34.0.0/24", false);
		SecurityGroup web = this.groups.create(context, null, "web", null);
		String instance = ManagerTestSupport.instance();
		this.manager.allocateForInstance(context, new AllocateForInstance(instance, "filter-boot", "c",
				java.util.List.of(new RequestedNetwork(network.getUuid(), null)), java.util.List.of("web", "default")));
		Port port = this.ports.ofDevice(instance).get(0);
		assertThat(this.groups.groupsOfPort(port.getId())).containsExactly(web.getUuid(),
				this.groups.ensureDefault("filter-boot").getUuid());
		assertThat(this.driver.filters.get(port.getUuid()).rules()).isNotEmpty();

		String other = ManagerTestSupport.instance();
		assertThatThrownBy(() -> this.manager.allocateForInstance(context, new AllocateForInstance(other, "filter-boot",
				"c", java.util.List.of(new RequestedNetwork(network.getUuid(), null)), java.util.List.of("nope"))))
			.isInstanceOfSatisfying(NetworkException.class, (ex) -> assertThat(ex.type()).isEqualTo("SecurityGroupNotFound"))
			.hasMessage("Security group nope not found.");
		assertThat(this.ports.ofDevice(other)).isEmpty();

		String plain = ManagerTestSupport.instance();
		this.manager.allocateForInstance(context, new AllocateForInstance(plain, "filter-boot", "c",
				java.util.List.of(new RequestedNetwork(network.getUuid(), null))));
		assertThat(this.groups.groupsOfPort(this.ports.ofDevice(plain).get(0).getId()))
			.containsExactly(this.groups.ensureDefault("filter-boot").getUuid());
	}

	@Test
	void aDriverThatEnforcesNoFilterIsGivenNoneButTheInstanceStillGetsItsGroupsAndAddress() {
		RequestContext context = context("filter-none");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "fn", "10.35.0.0/24", false);
		this.driver.enforcing = false;
		try {
			String instance = ManagerTestSupport.instance();
			var info = this.manager.allocateForInstance(context, new AllocateForInstance(instance, "filter-none", "c",
					java.util.List.of(new RequestedNetwork(network.getUuid(), null))));
			Port port = this.ports.ofDevice(instance).get(0);
			assertThat(info.interfaces()).singleElement().satisfies((vif) -> {
				assertThat(vif.address()).isEqualTo("10.35.0.2");
				assertThat(vif.portId()).isEqualTo(port.getUuid());
			});
			assertThat(this.groups.groupsOfPort(port.getId()))
				.containsExactly(this.groups.ensureDefault("filter-none").getUuid());
			this.manager.securityGroupsChanged();
			assertThat(this.driver.filters).doesNotContainKey(port.getUuid());

			// a driver that enforces again gets the port's filter at the next refresh
			this.driver.enforcing = true;
			this.manager.securityGroupsChanged();
			assertThat(this.driver.filters.get(port.getUuid()).rules())
				.contains(new PortFilter.Rule("ingress", null, null, null, "10.35.0.2/32"));
		}
		finally {
			this.driver.enforcing = true;
		}
	}

}
