package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.novaboot.network.manager.NoMoreAddressesException;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.UniqueKeys;
import dev.novaboot.service.rpc.api.FloatingAddress;
import dev.novaboot.service.rpc.api.InstanceNetworkInfo;
import dev.novaboot.service.rpc.api.NetworkRpcApi;
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
import org.springframework.dao.DataIntegrityViolationException;

import static dev.novaboot.network.manager.ManagerTestSupport.ADMIN;
import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static dev.novaboot.network.manager.ManagerTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The flat strategy (the default): instances get addresses on the networks their project
 * may use, skipping network, gateway and broadcast addresses; floating IPs come from an
 * external network.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class FlatManagerTests {

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@Autowired
	FixedIpRepository fixedIps;

	@Autowired
	QuotaService quotas;

	@Autowired
	PortService ports;

	@Autowired
	PortRepository portRows;

	@Test
	void isTheDefaultStrategy() {
		assertThat(this.manager).isExactlyInstanceOf(FlatManager.class);
		assertThat(this.manager.runsDhcp()).isFalse();
	}

	@Test
	void allocatesHostAddressesSkippingNetworkGatewayAndBroadcast() {
		// a /29 has 6 host addresses; .1 is the gateway, so 5 are for instances
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-small"), "small",
				"10.20.0.0/29", false);
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			InstanceNetworkInfo info = this.manager.allocateForInstance(context("p-small"),
					new AllocateForInstance(instance(), "p-small",
					"compute-1", List.of(new RequestedNetwork(network.getUuid(), null))));
			addresses.add(info.interfaces().get(0).address());
		}
		assertThat(addresses).containsExactly("10.20.0.2", "10.20.0.3", "10.20.0.4", "10.20.0.5", "10.20.0.6");
		assertThatExceptionOfType(NoMoreAddressesException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-small"),
					new AllocateForInstance(instance(), "p-small", "compute-1",
					List.of(new RequestedNetwork(network.getUuid(), null)))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("IpAddressGenerationFailure"))
			.withMessageContaining("No more IP addresses available on network " + network.getUuid());
	}

	@Test
	void networkInfoCarriesWhatComputeNeeds() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-info"), "info",
				"10.21.0.0/24", false);
		String instance = instance();
		InstanceNetworkInfo info = this.manager.allocateForInstance(context("p-info"),
				new AllocateForInstance(instance, "p-info", "compute-1", List.of()));
		assertThat(info.instanceUuid()).isEqualTo(instance);
		assertThat(info.interfaces()).hasSize(1);
		VirtualInterface vif = info.interfaces().get(0);
		assertThat(vif.networkId()).isEqualTo(network.getUuid());
		assertThat(vif.bridge()).isEqualTo("br100");
		assertThat(vif.vlan()).isNull();
		assertThat(vif.address()).isEqualTo("10.21.0.2");
		assertThat(vif.gateway()).isEqualTo("10.21.0.1");
		assertThat(vif.cidr()).isEqualTo("10.21.0.0/24");
		assertThat(vif.dns()).containsExactly("192.0.2.53");
		assertThat(vif.macAddress()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
		// asking again returns the same allocation instead of a second one
		assertThat(this.manager.allocateForInstance(context("p-info"),
				new AllocateForInstance(instance, "p-info", "compute-1", List.of())))
			.isEqualTo(info);
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(instance))).isEqualTo(info);
	}

	@Test
	void setupInstanceNetworkOnHostBindsTheInstancesPortsAndAddressesToTheNewHost() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-moved"), "moved",
				"10.29.0.0/24", false);
		String instance = instance();
		String other = instance();
		this.manager.allocateForInstance(context("p-moved"), new AllocateForInstance(instance, "p-moved", "compute-1",
				List.of(new RequestedNetwork(network.getUuid(), null))));
		this.manager.allocateForInstance(context("p-moved"), new AllocateForInstance(other, "p-moved", "compute-1",
				List.of(new RequestedNetwork(network.getUuid(), null))));

		this.manager.setupInstanceNetworkOnHost(context("p-moved"), new NetworkRpcApi.InstanceHost(instance, "compute-2"));

		List<Port> moved = this.portRows.findByDeviceIdOrderById(instance);
		assertThat(moved).isNotEmpty().allSatisfy((port) -> {
			assertThat(port.getHost()).isEqualTo("compute-2");
			assertThat(this.fixedIps.findByPortIdOrderById(port.getId())).isNotEmpty()
				.allSatisfy((ip) -> assertThat(ip.getHost()).isEqualTo("compute-2"));
		});
		// another instance's ports stay where they are; an instance without ports is fine
		assertThat(this.portRows.findByDeviceIdOrderById(other)).allSatisfy(
				(port) -> assertThat(port.getHost()).isEqualTo("compute-1"));
		this.manager.setupInstanceNetworkOnHost(context("p-moved"), new NetworkRpcApi.InstanceHost(instance(), "x"));
	}

	@Test
	void deallocationReturnsAddressesToThePool() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-dealloc"), "dealloc",
				"10.22.0.0/30", false);
		// a /30 has one address for instances (.2; .1 is the gateway)
		String first = instance();
		assertThat(this.manager.allocateForInstance(context("p-dealloc"),
				new AllocateForInstance(first, "p-dealloc", "c", List.of()))
			.interfaces()
			.get(0)
			.address()).isEqualTo("10.22.0.2");
		this.manager.deallocateForInstance(context("p-dealloc"), new DeallocateForInstance(first, "c"));
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(first)).interfaces()).isEmpty();
		assertThat(this.manager.allocateForInstance(context("p-dealloc"),
				new AllocateForInstance(instance(), "p-dealloc", "c", List.of()))
			.interfaces()
			.get(0)
			.address()).isEqualTo("10.22.0.2");
		assertThat(this.fixedIps.findAllocatedByNetwork(network.getId())).hasSize(1);
	}

	@Test
	void aRequestedFixedIpIsGivenOrRefused() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-fixed"), "fixed",
				"10.23.0.0/24", false);
		InstanceNetworkInfo info = this.manager.allocateForInstance(context("p-fixed"),
				new AllocateForInstance(instance(), "p-fixed", "c",
				List.of(new RequestedNetwork(network.getUuid(), "10.23.0.77"))));
		assertThat(info.interfaces().get(0).address()).isEqualTo("10.23.0.77");
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-fixed"),
					new AllocateForInstance(instance(), "p-fixed", "c",
					List.of(new RequestedNetwork(network.getUuid(), "10.23.0.77")))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("IpAddressAlreadyAllocated"));
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-fixed"),
					new AllocateForInstance(instance(), "p-fixed", "c",
					List.of(new RequestedNetwork(network.getUuid(), "10.23.0.1")))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("InvalidInput"));
	}

	@Test
	void anotherProjectsNetworkIsNotFound() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-owner"), "private",
				"10.24.0.0/24", false);
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-other"),
					new AllocateForInstance(instance(), "p-other", "c",
					List.of(new RequestedNetwork(network.getUuid(), null)))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("NetworkNotFound"));
	}

	@Test
	void aFailedAllocationLeavesNothingBehind() {
		Network roomy = ManagerTestSupport.network(this.networks, this.subnets, context("p-atomic"), "roomy",
				"10.25.0.0/24", false);
		Network full = ManagerTestSupport.network(this.networks, this.subnets, context("p-atomic"), "full",
				"10.25.1.0/30", false);
		this.manager.allocateForInstance(context("p-atomic"), new AllocateForInstance(instance(), "p-atomic", "c",
				List.of(new RequestedNetwork(full.getUuid(), null))));
		String instance = instance();
		assertThatExceptionOfType(NoMoreAddressesException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-atomic"),
					new AllocateForInstance(instance, "p-atomic", "c",
					List.of(new RequestedNetwork(roomy.getUuid(), null), new RequestedNetwork(full.getUuid(), null)))));
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(instance)).interfaces()).isEmpty();
		assertThat(this.fixedIps.findAllocatedByNetwork(roomy.getId())).isEmpty();
	}

	@Test
	void anInstancesPortsCountAgainstTheProjectsPortQuotaAndOneOverItLeavesNothing() {
		Network first = ManagerTestSupport.network(this.networks, this.subnets, context("p-port-quota"), "first",
				"10.126.1.0/24", false);
		Network second = ManagerTestSupport.network(this.networks, this.subnets, context("p-port-quota"), "second",
				"10.126.2.0/24", false);
		// the network's DHCP-less subnets make no port of their own: the instances' ports are all there is
		this.quotas.update(ADMIN, "p-port-quota", java.util.Map.of("port", 2), false);
		this.manager.allocateForInstance(context("p-port-quota"), new AllocateForInstance(instance(), "p-port-quota",
				"c", List.of(new RequestedNetwork(first.getUuid(), null))));
		String instance = instance();
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-port-quota"),
					new AllocateForInstance(instance, "p-port-quota", "c",
					List.of(new RequestedNetwork(first.getUuid(), null), new RequestedNetwork(second.getUuid(), null)))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("OverQuota"))
			.withMessageContaining("Quota exceeded for resources: ['port']");
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(instance)).interfaces()).isEmpty();
		assertThat(this.fixedIps.findAllocatedByNetwork(first.getId())).hasSize(1);
		assertThat(this.fixedIps.findAllocatedByNetwork(second.getId())).isEmpty();
	}

	@Test
	void aSecondNetworkThatCannotBeUsedLeavesNoPortAndNoAddressOfTheFirst() {
		Network own = ManagerTestSupport.network(this.networks, this.subnets, context("p-second"), "own",
				"10.125.2.0/24", false);
		Network foreign = ManagerTestSupport.network(this.networks, this.subnets, context("p-second-other"), "foreign",
				"10.125.3.0/24", false);
		String instance = instance();
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-second"),
					new AllocateForInstance(instance, "p-second", "c",
					List.of(new RequestedNetwork(own.getUuid(), null), new RequestedNetwork(foreign.getUuid(), null)))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("NetworkNotFound"));
		assertThat(this.ports.ofDevice(instance)).isEmpty();
		assertThat(this.fixedIps.findAllocatedByNetwork(own.getId())).isEmpty();
		assertThat(this.portRows.findByNetworkIdOrderById(own.getId())).isEmpty();
	}

	@Test
	void theNetworkInfoOfANewAllocationIsWhatAReadOfItGives() {
		Network first = ManagerTestSupport.network(this.networks, this.subnets, context("p-read"), "read-1",
				"10.125.4.0/24", false);
		Network second = ManagerTestSupport.network(this.networks, this.subnets, context("p-read"), "read-2",
				"10.125.5.0/24", false);
		String instance = instance();
		List<RequestedNetwork> requested = List.of(new RequestedNetwork(second.getUuid(), null),
				new RequestedNetwork(first.getUuid(), "10.125.4.9"));
		InstanceNetworkInfo allocated = this.manager.allocateForInstance(context("p-read"),
				new AllocateForInstance(instance, "p-read", "c", requested));
		assertThat(allocated.interfaces()).extracting(VirtualInterface::address)
			.containsExactly("10.125.5.2", "10.125.4.9");
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN, new InstanceRef(instance))).isEqualTo(allocated);
		// asking again for networks by id returns the same ports, not new ones
		assertThat(this.manager.allocateForInstance(context("p-read"),
				new AllocateForInstance(instance, "p-read", "c", requested))).isEqualTo(allocated);
		assertThat(this.ports.ofDevice(instance)).hasSize(2);
	}

	@Test
	void floatingIpsAreAllocatedAssociatedAndReleased() {
		ManagerTestSupport.external(this.networks, this.subnets, "203.0.113.0/29");
		ManagerTestSupport.network(this.networks, this.subnets, context("p-float"), "float", "10.26.0.0/24", false);
		String instance = instance();
		String fixed = this.manager.allocateForInstance(context("p-float"),
				new AllocateForInstance(instance, "p-float", "c", List.of()))
			.interfaces()
			.get(0)
			.address();
		FloatingAddress floating = this.manager.allocateFloatingIp(context("p-float"),
				new AllocateFloatingIp("p-float", "public-203.0.113.0/29"));
		assertThat(floating.address()).isEqualTo("203.0.113.2");
		assertThat(floating.fixedAddress()).isNull();
		FloatingAddress associated = this.manager.associateFloatingIp(context("p-float"),
				new AssociateFloatingIp(floating.address(), fixed));
		assertThat(associated.fixedAddress()).isEqualTo(fixed);
		assertThat(this.manager.getInstanceNetworkInfo(ADMIN,
				new InstanceRef(instance)).interfaces().get(0).floatingAddresses())
			.containsExactly("203.0.113.2");
		// another project can neither see nor use it
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.manager.disassociateFloatingIp(context("p-thief"),
					new FloatingIpRef(floating.address())))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(NetworkException.Kind.NOT_FOUND));
		assertThat(this.manager.disassociateFloatingIp(context("p-float"),
				new FloatingIpRef(floating.address())).fixedAddress()).isNull();
		this.manager.releaseFloatingIp(context("p-float"), new FloatingIpRef(floating.address()));
		assertThat(this.manager.allocateFloatingIp(context("p-float"),
				new AllocateFloatingIp("p-float", "public-203.0.113.0/29")).address())
			.isEqualTo("203.0.113.2");
	}

	@Test
	void noneGivesNoPortsEvenWhenTheProjectHasANetwork() {
		ManagerTestSupport.network(this.networks, this.subnets, context("p-none"), "none", "10.27.0.0/24", false);
		String instance = instance();
		InstanceNetworkInfo info = this.manager.allocateForInstance(context("p-none"),
				new AllocateForInstance(instance, "p-none", "c",
				List.of(RequestedNetwork.none())));
		assertThat(info.interfaces()).isEmpty();
		assertThat(this.ports.ofDevice(instance)).isEmpty();
	}

	@Test
	void autoTakesTheOnlyNetworkTheProjectMayUse() {
		Network own = ManagerTestSupport.network(this.networks, this.subnets, context("p-auto"), "auto", "10.28.0.0/24",
				false);
		// neither another project's network, nor an external one, nor one of its own that is down counts
		ManagerTestSupport.network(this.networks, this.subnets, context("p-auto-other"), "other", "10.28.1.0/24", false);
		ManagerTestSupport.external(this.networks, this.subnets, "203.0.113.64/29");
		this.networks.create(context("p-auto"),
				new NetworkSpec(null, "down", null, false, null, null, null, null, null), Network.FLAT);
		InstanceNetworkInfo info = this.manager.allocateForInstance(context("p-auto"),
				new AllocateForInstance(instance(), "p-auto", "c",
				List.of(RequestedNetwork.auto())));
		assertThat(info.interfaces()).singleElement().satisfies((vif) -> {
			assertThat(vif.networkId()).isEqualTo(own.getUuid());
			assertThat(vif.address()).startsWith("10.28.0.");
		});
	}

	@Test
	void autoWithSeveralNetworksIsAmbiguousAndLeavesNothingBehind() {
		ManagerTestSupport.network(this.networks, this.subnets, context("p-two"), "one", "10.29.0.0/24", false);
		ManagerTestSupport.network(this.networks, this.subnets, context("p-two"), "two", "10.29.1.0/24", false);
		String instance = instance();
		assertThatExceptionOfType(AutoAllocationException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-two"),
					new AllocateForInstance(instance, "p-two", "c",
					List.of(RequestedNetwork.auto()))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("NetworkAmbiguous"))
			.withMessage("More than one possible network found. Specify network ID(s) to select which one(s) to "
					+ "connect to.");
		assertThat(this.ports.ofDevice(instance)).isEmpty();
	}

	@Test
	void autoWithoutNetworksGetsOneMadeWhereTheStrategyCanAndAnErrorWhereItCannot() {
		// the flat strategy makes no network for a project
		assertThatExceptionOfType(AutoAllocationException.class)
			.isThrownBy(() -> this.manager.allocateForInstance(context("p-bare"),
					new AllocateForInstance(instance(), "p-bare", "c",
					List.of(RequestedNetwork.auto()))))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("UnableToAutoAllocateNetwork"))
			.withMessage("Unable to automatically allocate a network for project p-bare");
		// a strategy that can (vlan: the project's own network) is asked only when there is none
		InstanceNetworkInfo info = this.manager.operations()
			.allocateForInstance(context("p-made"), instance(), "p-made", "c", List.of(RequestedNetwork.auto()),
					List::of, () -> Optional.of(ManagerTestSupport.network(this.networks, this.subnets,
							context("p-made"), "made", "10.30.0.0/24", false)),
					false);
		assertThat(info.interfaces()).singleElement()
			.satisfies((vif) -> assertThat(vif.address()).startsWith("10.30.0."));
	}

	@Test
	void onlyAMacAddressCollisionIsRetried() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-mac"), "mac",
				"10.31.0.0/24", false);
		PortSpec given = new PortSpec(network.getUuid(), null, null, null, "fa:16:3e:31:00:01", null, null, null, null,
				null);
		Port first = this.ports.create(context("p-mac"), given);
		assertThatExceptionOfType(NetworkException.class).isThrownBy(() -> this.ports.create(context("p-mac"), given))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("MacAddressInUse"));

		// a value the column cannot hold fails at once as what it is, not as ten MAC collisions
		PortSpec tooLong = new PortSpec(network.getUuid(), null, null, null, null, null, "d".repeat(300), null, null,
				null);
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.ports.create(context("p-mac"), tooLong))
			.satisfies((ex) -> assertThat(UniqueKeys.violated(ex, "uq_ports_mac_address")).isFalse());
		assertThat(this.portRows.findByNetworkIdOrderById(network.getId())).extracting(Port::getUuid)
			.containsExactly(first.getUuid());

		// the database's own unique key on the MAC address is told from the others
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.portRows
				.saveAndFlush(new Port(first.getCreatedAt(), network.getId(), "p-mac", first.getMacAddress(), "", "")))
			.satisfies((ex) -> assertThat(UniqueKeys.violated(ex, "uq_ports_mac_address")).isTrue())
			.satisfies((ex) -> assertThat(UniqueKeys.violated(ex, "uq_ports_uuid")).isFalse());
	}

}
