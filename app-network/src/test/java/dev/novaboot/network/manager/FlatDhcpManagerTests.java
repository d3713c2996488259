package dev.novaboot.network.manager;

import java.time.Duration;
import java.util.List;

import dev.novaboot.network.driver.BridgeSetup;
import dev.novaboot.network.driver.DhcpConfig;
import dev.novaboot.network.driver.DhcpConfig.DhcpHost;
import dev.novaboot.network.manager.StrategyTestConfiguration.KnownInstances;
import dev.novaboot.network.store.Network;
import dev.novaboot.service.rpc.api.FloatingAddress;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateFloatingIp;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AssociateFloatingIp;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.FloatingIpRef;
import dev.novaboot.service.rpc.api.NetworkRpcApi.InstanceRef;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.rpc.api.VirtualInterface;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.novaboot.network.manager.ManagerTestSupport.ADMIN;
import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static dev.novaboot.network.manager.ManagerTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The flat-dhcp strategy: this host is each network's gateway and DHCP server, with one
 * host entry per allocated address, kept up to date on allocation and release, re-applied
 * by {@code initHost()}; and the periodic release of vanished instances' addresses.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "nova.network.manager=flat-dhcp")
@AutoConfigureTestRestTemplate
@Import(StrategyTestConfiguration.class)
class FlatDhcpManagerTests {

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@Autowired
	RecordingNetworkDriver driver;

	@Autowired
	KnownInstances instances;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void dhcpHostsFollowAllocations() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("dhcp-a"), "dhcp-a",
				"10.30.0.0/24", false);
		String first = instance();
		String second = instance();
		VirtualInterface one = this.manager.allocateForInstance(context("dhcp-a"),
				new AllocateForInstance(first, "dhcp-a", "c", List.of()))
			.interfaces()
			.get(0);
		VirtualInterface two = this.manager.allocateForInstance(context("dhcp-a"),
				new AllocateForInstance(second, "dhcp-a", "c", List.of()))
			.interfaces()
			.get(0);
		assertThat(this.manager).isInstanceOf(FlatDhcpManager.class);
		assertThat(one.dhcp()).isTrue();
		assertThat(this.driver.plugged).contains(new BridgeSetup("br100", null, null, "10.30.0.1/24"));
		DhcpConfig dhcp = this.driver.dhcp.get(network.getUuid());
		assertThat(dhcp.bridge()).isEqualTo("br100");
		assertThat(dhcp.gateway()).isEqualTo("10.30.0.1");
		assertThat(dhcp.netmask()).isEqualTo("255.255.255.0");
		assertThat(dhcp.dns()).containsExactly("192.0.2.53");
		assertThat(dhcp.hosts()).containsExactly(new DhcpHost(one.macAddress(), "10.30.0.2", "host-10-30-0-2"),
				new DhcpHost(two.macAddress(), "10.30.0.3", "host-10-30-0-3"));

		this.manager.deallocateForInstance(context("dhcp-a"), new DeallocateForInstance(first, "c"));
		assertThat(this.driver.dhcp.get(network.getUuid()).hosts())
			.containsExactly(new DhcpHost(two.macAddress(), "10.30.0.3", "host-10-30-0-3"));

		// after a restart, initHost() puts the database's state back on the host
		this.driver.reset();
		this.manager.initHost();
		assertThat(this.driver.initHosts).isEqualTo(1);
		assertThat(this.driver.plugged).contains(new BridgeSetup("br100", null, null, "10.30.0.1/24"));
		assertThat(this.driver.dhcp.get(network.getUuid()).hosts())
			.containsExactly(new DhcpHost(two.macAddress(), "10.30.0.3", "host-10-30-0-3"));

		// once the last address is released and the subnet deleted, its gateway and DHCP go
		this.manager.deallocateForInstance(context("dhcp-a"), new DeallocateForInstance(second, "c"));
		this.manager.subnetRemoved(this.subnets.delete(context("dhcp-a"),
				ManagerTestSupport.onlySubnet(this.subnets, network).getUuid()));
		assertThat(this.driver.unplugged).contains(new BridgeSetup("br100", null, null, "10.30.0.1/24"));
		assertThat(this.driver.dhcp).doesNotContainKey(network.getUuid());
	}

	@Test
	void aHostThatCannotFollowAnAllocationLeavesNoPortNoAddressAndNoDhcpHost() {
		Network served = ManagerTestSupport.network(this.networks, this.subnets, context("dhcp-u"), "dhcp-u1",
				"10.133.0.0/24", false);
		Network failing = ManagerTestSupport.network(this.networks, this.subnets, context("dhcp-u"), "dhcp-u2",
				"10.133.1.0/24", false);
		String instance = instance();
		this.driver.failingGateway = "10.133.1.1/24";
		try {
			// the ports are committed before the host commands run; the second network's bridge fails
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> this.manager.allocateForInstance(context("dhcp-u"),
						new AllocateForInstance(instance, "dhcp-u", "c", List.of(
								new RequestedNetwork(served.getUuid(), null), new RequestedNetwork(failing.getUuid(), null)))))
				.withMessageStartingWith("Cannot add 10.133.1.1/24 to ");
		}
		finally {
			this.driver.failingGateway = null;
		}
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(instance)).interfaces()).isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM fixed_ips WHERE allocated AND network_id IN (?, ?)",
				Integer.class, served.getId(), failing.getId())).isZero();
		// the first network's DHCP server had the new port's host entry: it is taken off again
		assertThat(this.driver.dhcp.get(served.getUuid()).hosts()).isEmpty();
		// and the addresses go to the next instance
		assertThat(this.manager.allocateForInstance(context("dhcp-u"), new AllocateForInstance(instance(), "dhcp-u", "c",
				List.of(new RequestedNetwork(served.getUuid(), null), new RequestedNetwork(failing.getUuid(), null))))
			.interfaces()).extracting(VirtualInterface::address).containsExactly("10.133.0.2", "10.133.1.2");
	}

	@Test
	void floatingIpsAreNattedOnTheHostAndReappliedByInitHost() {
		ManagerTestSupport.external(this.networks, this.subnets, "203.0.113.64/29");
		ManagerTestSupport.network(this.networks, this.subnets, context("dhcp-f"), "dhcp-f", "10.31.0.0/24", false);
		String fixed = this.manager.allocateForInstance(context("dhcp-f"),
				new AllocateForInstance(instance(), "dhcp-f", "c", List.of()))
			.interfaces()
			.get(0)
			.address();
		FloatingAddress floating = this.manager.allocateFloatingIp(context("dhcp-f"),
				new AllocateFloatingIp("dhcp-f", "public-203.0.113.64/29"));
		this.manager.associateFloatingIp(context("dhcp-f"), new AssociateFloatingIp(floating.address(), fixed));
		assertThat(this.driver.bound).containsEntry(floating.address(), fixed);
		this.driver.reset();
		this.manager.initHost();
		assertThat(this.driver.bound).containsEntry(floating.address(), fixed);
		this.manager.releaseFloatingIp(context("dhcp-f"), new FloatingIpRef(floating.address()));
		assertThat(this.driver.bound).doesNotContainKey(floating.address());
	}

	@Test
	void releasesAddressesOfVanishedInstancesAfterTheGracePeriod() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("dhcp-r"), "dhcp-r",
				"10.32.0.0/24", false);
		String alive = instance();
		String vanished = instance();
		String vanishedRecently = instance();
		for (String instance : List.of(alive, vanished, vanishedRecently)) {
			this.manager.allocateForInstance(context("dhcp-r"),
					new AllocateForInstance(instance, "dhcp-r", "c", List.of()));
		}
		this.instances.existing.add(alive);
		// the grace period (10 minutes by default) is over for two of them
		age(alive, Duration.ofHours(1));
		age(vanished, Duration.ofHours(1));

		assertThat(this.manager.releaseVanishedInstances()).containsExactly(vanished);
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(vanished)).interfaces()).isEmpty();
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(alive)).interfaces()).hasSize(1);
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN,
				new InstanceRef(vanishedRecently)).interfaces()).hasSize(1);
		assertThat(this.driver.dhcp.get(network.getUuid()).hosts()).hasSize(2);
		// nothing more to release until the recent one's grace period is over too
		assertThat(this.manager.releaseVanishedInstances()).isEmpty();
	}

	private void age(String instance, Duration age) {
		this.jdbc.update("UPDATE fixed_ips SET updated_at = ? WHERE instance_uuid = ?",
				java.sql.Timestamp.from(java.time.Instant.now().minus(age)), instance);
	}

}
