package dev.novaboot.network.manager;

import java.util.List;

import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocatePortForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocatePortForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.InstanceRef;
import dev.novaboot.service.rpc.api.PortAllocation;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.rpc.api.VirtualInterface;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static dev.novaboot.network.manager.ManagerTestSupport.ADMIN;
import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static dev.novaboot.network.manager.ManagerTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-network's side of Nova's interface attach and detach ({@code allocate_port_for_instance}
 * and {@code deallocate_port_for_instance}, the context of {@link FlatDhcpManagerTests}):
 * a new port on the network named (or the project's only one) with its DHCP host and
 * filter, the user's port bound and later unbound but kept, each refusal under the name of
 * Nova's exception with nothing left behind, and a delete that keeps the user's ports.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "nova.network.manager=flat-dhcp")
@AutoConfigureTestRestTemplate
@Import(StrategyTestConfiguration.class)
class InterfaceAttachAllocationTests {

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@Autowired
	PortService ports;

	@Autowired
	PortRepository portRows;

	@Autowired
	FixedIpRepository fixedIps;

	@Autowired
	RecordingNetworkDriver driver;

	@Test
	void aNewPortOnTheNetworkIsServedByDhcpAndFilteredThenDeletedOnDetach() {
		RequestContext context = context("attach-a");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "attach-a", "10.41.0.0/24",
				false);
		String instance = instance();
		PortAllocation allocation = this.manager.allocatePortForInstance(context,
				new AllocatePortForInstance(instance, "attach-a", "compute-1", network.getUuid(), null, "10.41.0.77", null));

		assertThat(allocation.isAccepted()).as("%s", allocation).isTrue();
		assertThat(allocation.preexisting()).isFalse();
		VirtualInterface vif = allocation.interfaces().get(0);
		assertThat(vif.address()).isEqualTo("10.41.0.77");
		assertThat(vif.subnetId()).isEqualTo(ManagerTestSupport.onlySubnet(this.subnets, network).getUuid());
		Port port = this.portRows.findByUuid(vif.portId()).orElseThrow();
		assertThat(port.getDeviceId()).isEqualTo(instance);
		assertThat(port.getDeviceOwner()).isEqualTo("compute:nova");
		assertThat(port.getHost()).isEqualTo("compute-1");
		assertThat(this.driver.dhcp.get(network.getUuid()).hosts()).anySatisfy(
				(host) -> assertThat(host.address()).isEqualTo("10.41.0.77"));
		assertThat(this.driver.filters).containsKey(vif.portId());
		assertThat(this.manager.getInstanceNetworkInfo(context, new InstanceRef(instance)).interfaces())
			.extracting(VirtualInterface::portId)
			.containsExactly(vif.portId());

		this.manager.deallocatePortForInstance(context,
				new DeallocatePortForInstance(instance, vif.portId(), false, "compute-1"));

		assertThat(this.portRows.findByUuid(vif.portId())).isEmpty();
		assertThat(this.driver.filters).doesNotContainKey(vif.portId());
		assertThat(this.driver.dhcp.get(network.getUuid()).hosts()).noneSatisfy(
				(host) -> assertThat(host.address()).isEqualTo("10.41.0.77"));
		// the address is free again
		assertThat(this.manager.allocatePortForInstance(context,
				new AllocatePortForInstance(instance(), "attach-a", "compute-1", network.getUuid(), null, "10.41.0.77",
						null))
			.isAccepted()).isTrue();
		// a port already gone is fine
		this.manager.deallocatePortForInstance(context,
				new DeallocatePortForInstance(instance, vif.portId(), false, "compute-1"));
	}

	@Test
	void theUsersPortIsBoundToTheInstanceAndUnboundButKeptOnDetach() {
		RequestContext context = context("attach-b");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "attach-b", "10.42.0.0/24",
				false);
		Port mine = this.ports.create(context,
				new PortSpec(network.getUuid(), null, "mine", null, null, null, null, null, null, null));
		String instance = instance();

		PortAllocation allocation = this.manager.allocatePortForInstance(context,
				new AllocatePortForInstance(instance, "attach-b", "compute-2", null, mine.getUuid(), null, null));

		assertThat(allocation.isAccepted()).as("%s", allocation).isTrue();
		assertThat(allocation.preexisting()).isTrue();
		assertThat(allocation.interfaces()).extracting(VirtualInterface::macAddress).containsExactly(mine.getMacAddress());
		Port bound = this.portRows.findByUuid(mine.getUuid()).orElseThrow();
		assertThat(bound.getDeviceId()).isEqualTo(instance);
		assertThat(bound.getHost()).isEqualTo("compute-2");
		assertThat(this.fixedIps.findByPortIdOrderById(bound.getId()))
			.allSatisfy((fixed) -> assertThat(fixed.getInstanceUuid()).isEqualTo(instance));
		assertThat(this.driver.filters).containsKey(mine.getUuid());

		this.manager.deallocatePortForInstance(context,
				new DeallocatePortForInstance(instance, mine.getUuid(), true, "compute-2"));

		Port kept = this.portRows.findByUuid(mine.getUuid()).orElseThrow();
		assertThat(kept.getDeviceId()).isEmpty();
		assertThat(kept.getDeviceOwner()).isEmpty();
		assertThat(kept.getHost()).isNull();
		assertThat(this.fixedIps.findByPortIdOrderById(kept.getId()))
			.allSatisfy((fixed) -> assertThat(fixed.getInstanceUuid()).isNull())
			.isNotEmpty();
		assertThat(this.driver.filters).doesNotContainKey(mine.getUuid());
		assertThat(this.manager.getInstanceNetworkInfo(context, new InstanceRef(instance)).interfaces()).isEmpty();
	}

	@Test
	void aDeleteUnbindsTheUsersPortsAndDeletesTheOthers() {
		RequestContext context = context("attach-c");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "attach-c", "10.43.0.0/24",
				false);
		String instance = instance();
		String made = this.manager
			.allocateForInstance(context,
					new AllocateForInstance(instance, "attach-c", "c", List.of(new RequestedNetwork(network.getUuid(), null))))
			.interfaces()
			.get(0)
			.portId();
		Port mine = this.ports.create(context,
				new PortSpec(network.getUuid(), null, "mine", null, null, null, null, null, null, null));
		this.manager.allocatePortForInstance(context,
				new AllocatePortForInstance(instance, "attach-c", "c", null, mine.getUuid(), null, null));

		this.manager.deallocateForInstance(context, new DeallocateForInstance(instance, "c", List.of(mine.getUuid())));

		assertThat(this.portRows.findByUuid(made)).isEmpty();
		assertThat(this.portRows.findByUuid(mine.getUuid())).hasValueSatisfying(
				(port) -> assertThat(port.getDeviceId()).isEmpty());
	}

	@Test
	void refusalsAreNamedAsNovasExceptionsAndLeaveNothingBehind() {
		RequestContext context = context("attach-d");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "attach-d", "10.44.0.0/30",
				false);
		String instance = instance();
		// the /30's one address for instances is taken by another's port
		Port holder = this.ports.create(context,
				new PortSpec(network.getUuid(), null, null, null, null, null, "vm-other", "compute:nova", null, null));
		String held = this.ports.addressesOf(holder).get(0).getAddress();
		Port otherProjects = this.ports.create(context("attach-e"), new PortSpec(ManagerTestSupport
			.network(this.networks, this.subnets, context("attach-e"), "attach-e", "10.45.0.0/24", false)
			.getUuid(), null, null, null, null, null, null, null, null, null));
		Network bare = this.networks.create(context, new NetworkSpec(null, "bare", null, null, null, null, null, null,
				null), Network.FLAT);

		assertRefused(context, new AllocatePortForInstance(instance, "attach-d", "c", "3f1c7f1e-6a7e-4a58-9d0f-0c7a9c1d2e3f",
				null, null, null), "NetworkNotFound", "Network 3f1c7f1e-6a7e-4a58-9d0f-0c7a9c1d2e3f could not be found.");
		assertRefused(context, new AllocatePortForInstance(instance, "attach-d", "c", bare.getUuid(), null, null, null),
				"NetworkRequiresSubnet", "Network " + bare.getUuid() + " requires a subnet in order to boot instances on.");
		assertRefused(context, new AllocatePortForInstance(instance, "attach-d", "c", network.getUuid(), null, held, null),
				"FixedIpAlreadyInUse", "Fixed IP address " + held + " is already in use on instance vm-other.");
		assertRefused(context, new AllocatePortForInstance(instance, "attach-d", "c", network.getUuid(), null, null, null),
				"NoMoreFixedIps", "No fixed IP addresses available for network: " + network.getUuid());
		assertRefused(context, new AllocatePortForInstance(instance, "attach-d", "c", null, holder.getUuid(), null, null),
				"PortInUse", "Port " + holder.getUuid() + " is still in use.");
		// another project's port is no port to a member, and not usable for an admin's call either
		assertRefused(context, new AllocatePortForInstance(instance, "attach-d", "c", null, otherProjects.getUuid(), null,
				null), "PortNotFound", "Port id " + otherProjects.getUuid() + " could not be found.");
		assertRefused(ADMIN, new AllocatePortForInstance(instance, "attach-d", "c", null, otherProjects.getUuid(), null,
				null), "PortNotUsable", "Port " + otherProjects.getUuid() + " not usable for instance " + instance + ".");
		// with no network named: the project's only one, which "attach-d" does not have (two)
		assertRefused(context, new AllocatePortForInstance(instance, "attach-d", "c", null, null, null, null),
				"NetworkAmbiguous", "Multiple possible networks found, use a Network ID to be more specific.");
		assertRefused(context("attach-f"), new AllocatePortForInstance(instance, "attach-f", "c", null, null, null, null),
				"InterfaceAttachFailedNoNetwork",
				"No specific network was requested and none are available for project 'attach-f'.");

		assertThat(this.manager.getInstanceNetworkInfo(context, new InstanceRef(instance)).interfaces()).isEmpty();
		assertThat(this.portRows.findByUuid(otherProjects.getUuid()).orElseThrow().getDeviceId()).isEmpty();
	}

	@Test
	void withoutANetworkNamedTheProjectsOnlyNetworkIsTaken() {
		RequestContext context = context("attach-g");
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context, "attach-g", "10.46.0.0/24",
				false);
		PortAllocation allocation = this.manager.allocatePortForInstance(context,
				new AllocatePortForInstance(instance(), "attach-g", "c", null, null, null, null));
		assertThat(allocation.isAccepted()).as("%s", allocation).isTrue();
		assertThat(allocation.interfaces().get(0).networkId()).isEqualTo(network.getUuid());
	}

	private void assertRefused(RequestContext context, AllocatePortForInstance request, String fault, String message) {
		PortAllocation allocation = this.manager.allocatePortForInstance(context, request);
		assertThat(allocation.isAccepted()).as("%s", request).isFalse();
		assertThat(allocation.fault()).as("%s", request).isEqualTo(fault);
		assertThat(allocation.message()).isEqualTo(message);
		assertThat(allocation.interfaces()).isEmpty();
	}

}
