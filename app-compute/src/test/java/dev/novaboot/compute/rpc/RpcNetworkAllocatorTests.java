package dev.novaboot.compute.rpc;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.novaboot.compute.manager.AttachedPort;
import dev.novaboot.compute.manager.NetworkInfo;
import dev.novaboot.compute.manager.NetworkRequestRefusedException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.api.InstanceNetworkInfo;
import dev.novaboot.service.rpc.api.NetworkCheck;
import dev.novaboot.service.rpc.api.NetworkRpcApi;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocatePortForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocatePortForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.InstanceSecurityGroup;
import dev.novaboot.service.rpc.api.NetworkRpcApi.ValidateNetworks;
import dev.novaboot.service.rpc.api.PortAllocation;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.rpc.api.VirtualInterface;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * What the compute side asks of nova-network for each form of {@code networks}: nothing
 * for {@code "none"}, Nova's {@code "auto"} network id for {@code "auto"}, the networks
 * themselves for a list.
 */
class RpcNetworkAllocatorTests {

	private static final RequestContext CONTEXT = new RequestContext("req-1", "user", "project", Set.of("member"));

	private final Rpc rpc = mock(Rpc.class);

	private final NetworkRpcApi network = mock(NetworkRpcApi.class);

	private final ServiceGroup serviceGroup = mock(ServiceGroup.class);

	private final RpcNetworkAllocator allocator = new RpcNetworkAllocator(this.rpc, this.serviceGroup);

	@Test
	void theNetworkServiceIsAvailableWhileOneNetworkServiceIsUp() {
		when(this.serviceGroup.upServices("network")).thenReturn(List.of());
		assertThat(this.allocator.available()).isFalse();
		when(this.serviceGroup.upServices("network"))
			.thenReturn(List.of(new ServiceRecord("net-1", "nova-network", "network", "nova", 1, Instant.EPOCH)));
		assertThat(this.allocator.available()).isTrue();
	}

	@Test
	void noneAsksNothingOfTheNetworkService() {
		NetworkInfo info = this.allocator.allocate(CONTEXT, "instance-1", "host-1",
				List.of(RequestedNetwork.none()), null);
		assertThat(info.vifs()).isEmpty();
		verifyNoInteractions(this.rpc);
	}

	@Test
	void autoAndListsGoToTheNetworkServiceAsNovaSendsThem() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		when(this.network.allocateForInstance(any(), any())).thenReturn(new InstanceNetworkInfo("instance-1", List.of()));
		this.allocator.allocate(CONTEXT, "instance-1", "host-1", List.of(RequestedNetwork.auto()), null);
		verify(this.network).allocateForInstance(CONTEXT,
				new AllocateForInstance("instance-1", "project", "host-1", List.of(RequestedNetwork.auto())));
		this.allocator.allocate(CONTEXT, "instance-2", "host-1",
				List.of(new RequestedNetwork("1d6b7c1e-6a2b-4f0e-9c55-0c3c1f8e1a11", "10.0.0.7")), List.of("web"));
		verify(this.network).allocateForInstance(CONTEXT, new AllocateForInstance("instance-2", "project", "host-1",
				List.of(new RequestedNetwork("1d6b7c1e-6a2b-4f0e-9c55-0c3c1f8e1a11", "10.0.0.7")), List.of("web")));
	}

	@Test
	void aRefusedValidationCarriesNovasExceptionName() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		when(this.network.validateNetworks(any(), any()))
			.thenReturn(NetworkCheck.refused("NoUniqueMatch", "Multiple security groups found matching 'web'."));
		assertThatExceptionOfType(NetworkRequestRefusedException.class)
			.isThrownBy(() -> this.allocator.validate(CONTEXT, List.of(), List.of("web")))
			.withMessage("Multiple security groups found matching 'web'.")
			.satisfies((ex) -> assertThat(ex.isConflict()).isTrue());
		verify(this.network).validateNetworks(CONTEXT, new ValidateNetworks("project", List.of(), List.of("web")));
	}

	@Test
	void addingAGroupByIdAnswersItsName() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		when(this.network.addSecurityGroup(any(), any())).thenReturn(NetworkCheck.accepted(List.of("web")));
		assertThat(this.allocator.addSecurityGroup(CONTEXT, "instance-4", "5e0b1c7a-2f55-4c3e-9d0e-1f0a7c9b1e22"))
			.isEqualTo("web");
		verify(this.network).addSecurityGroup(CONTEXT,
				new InstanceSecurityGroup("instance-4", "project", "5e0b1c7a-2f55-4c3e-9d0e-1f0a7c9b1e22"));
	}

	@Test
	void aPortWithAnIpv4AndAnIpv6AddressIsOneNicWithBothSubnets() {
		VirtualInterface v4 = new VirtualInterface("port-1", "fa:16:3e:00:00:01", "net-1", "dual", "brq1", null,
				"10.0.0.0/24", "10.0.0.5", "10.0.0.1", List.of(), true, List.of());
		VirtualInterface v6 = new VirtualInterface("port-1", "fa:16:3e:00:00:01", "net-1", "dual", "brq1", null,
				"fd00:1::/64", "fd00:1::f816:3eff:fe00:1", "fd00:1::1", List.of(), true, List.of());
		VirtualInterface other = new VirtualInterface("port-2", "fa:16:3e:00:00:02", "net-2", "plain", "brq2", null,
				"10.1.0.0/24", "10.1.0.5", "10.1.0.1", List.of(), true, List.of());
		NetworkInfo info = RpcNetworkAllocator.networkInfo(List.of(v4, v6, other));
		assertThat(info.vifs()).extracting(NetworkInfo.Vif::id).containsExactly("port-1", "port-2");
		assertThat(info.vifs().get(0).network().subnets()).extracting((subnet) -> subnet.ips().get(0))
			.containsExactly(new NetworkInfo.FixedIp("10.0.0.5", "fixed", 4),
					new NetworkInfo.FixedIp("fd00:1::f816:3eff:fe00:1", "fixed", 6));
	}

	@Test
	void theInstancesNetworkInfoListsEachFloatingIpAfterItsFixedIp() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		when(this.network.getInstanceNetworkInfo(CONTEXT, new NetworkRpcApi.InstanceRef("instance-4")))
			.thenReturn(new InstanceNetworkInfo("instance-4", List.of(new VirtualInterface("port-4", "fa:16:3e:00:00:04",
					"net-4", "private", "brq4", null, "10.4.0.0/24", "10.4.0.7", "10.4.0.1", List.of(), true,
					List.of("172.24.4.9")))));

		NetworkInfo info = this.allocator.info(CONTEXT, "instance-4");

		assertThat(info.vifs().get(0).network().subnets().get(0).ips()).containsExactly(
				new NetworkInfo.FixedIp("10.4.0.7", "fixed", 4), new NetworkInfo.FixedIp("172.24.4.9", "floating", 4));
	}

	@Test
	void deallocationNamesTheInstanceAndItsHost() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		this.allocator.deallocate(CONTEXT, "instance-3", "host-1");
		verify(this.network).deallocateForInstance(CONTEXT, new DeallocateForInstance("instance-3", "host-1"));
	}

	@Test
	void anAttachedUsersPortComesBackPreservedOnDeleteAndARefusalCarriesNovasExceptionName() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		VirtualInterface v4 = new VirtualInterface("port-9", "fa:16:3e:00:00:09", "net-1", "private", "br100", null,
				"10.0.0.0/24", "10.0.0.9", "10.0.0.1", List.of(), true, List.of(), "subnet-1");
		when(this.network.allocatePortForInstance(any(), any())).thenReturn(PortAllocation.accepted(List.of(v4), true))
			.thenReturn(PortAllocation.refused("PortInUse", "Port port-9 is still in use."));

		NetworkInfo.Vif vif = this.allocator.allocatePort(CONTEXT, "instance-5", "host-1", null, "port-9", null,
				List.of("web"));
		assertThat(vif.id()).isEqualTo("port-9");
		assertThat(vif.preserveOnDelete()).isTrue();
		assertThat(vif.network().bridge()).isEqualTo("br100");
		verify(this.network).allocatePortForInstance(CONTEXT,
				new AllocatePortForInstance("instance-5", "project", "host-1", null, "port-9", null, List.of("web")));

		assertThatExceptionOfType(NetworkRequestRefusedException.class)
			.isThrownBy(() -> this.allocator.allocatePort(CONTEXT, "instance-6", "host-1", null, "port-9", null, null))
			.withMessage("Port port-9 is still in use.")
			.satisfies((ex) -> assertThat(ex.fault()).isEqualTo("PortInUse"));
	}

	@Test
	void aDetachAndADeleteTellWhichPortsTheUserGave() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		this.allocator.deallocatePort(CONTEXT, "instance-7", "host-1", "port-9", true);
		verify(this.network).deallocatePortForInstance(CONTEXT,
				new DeallocatePortForInstance("instance-7", "port-9", true, "host-1"));
		this.allocator.deallocate(CONTEXT, "instance-7", "host-1", List.of("port-9"));
		verify(this.network).deallocateForInstance(CONTEXT,
				new DeallocateForInstance("instance-7", "host-1", List.of("port-9")));
	}

	@Test
	void theInstancesPortsAreItsInterfacesGroupedByPortWithTheirSubnets() {
		when(this.rpc.call(NetworkRpcApi.class)).thenReturn(this.network);
		when(this.network.getInstanceNetworkInfo(any(), any())).thenReturn(new InstanceNetworkInfo("instance-8",
				List.of(new VirtualInterface("port-1", "fa:16:3e:00:00:01", "net-1", "dual", "br1", null, "10.0.0.0/24",
						"10.0.0.5", "10.0.0.1", List.of(), true, List.of(), "subnet-4"),
						new VirtualInterface("port-1", "fa:16:3e:00:00:01", "net-1", "dual", "br1", null, "fd00:1::/64",
								"fd00:1::5", "fd00:1::1", List.of(), true, List.of(), "subnet-6"))));
		assertThat(this.allocator.ports(CONTEXT, "instance-8")).singleElement().satisfies((port) -> {
			assertThat(port.portState()).isEqualTo("ACTIVE");
			assertThat(port.fixedIps()).containsExactly(new AttachedPort.FixedIp("subnet-4", "10.0.0.5"),
					new AttachedPort.FixedIp("subnet-6", "fd00:1::5"));
		});
	}

}
