package dev.novaboot.service.rpc.api;

import java.util.List;

import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcContracts;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AssociateFloatingIp;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.FloatingIpRef;
import dev.novaboot.service.rpc.api.NetworkRpcApi.InstanceSecurityGroup;
import dev.novaboot.service.rpc.api.NetworkRpcApi.ValidateNetworks;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * nova-network's contract on the wire: one request record per method after the context,
 * its fields named in snake case as Nova's named RPC arguments.
 */
class NetworkRpcApiWireTests {

	private final RpcCodec codec = new RpcCodec();

	@Test
	void everyMethodTakesTheContextAndOneRequestRecord() {
		assertThat(RpcContracts.methodsOf(NetworkRpcApi.class).values()).allSatisfy((method) -> {
			assertThat(method.getParameterCount()).as(method.getName()).isEqualTo(2);
			assertThat(method.getParameterTypes()[1].isRecord()).as(method.getName()).isTrue();
		});
	}

	@Test
	void requestsTravelWithSnakeCaseNames() {
		JsonNode allocate = this.codec.toTree(new AllocateForInstance("i-1", "p-1", "compute-1",
				List.of(new RequestedNetwork("n-1", "10.0.0.7")), List.of("web", "default")));
		assertThat(allocate.propertyNames()).containsExactlyInAnyOrder("instance_uuid", "project_id", "host",
				"requested_networks", "security_groups");
		assertThat(allocate.get("security_groups").get(0).asString()).isEqualTo("web");
		assertThat(allocate.get("requested_networks").get(0).get("fixed_ip").asString()).isEqualTo("10.0.0.7");
		assertThat(this.codec.toTree(new AssociateFloatingIp("203.0.113.5", "10.0.0.7")).propertyNames())
			.containsExactlyInAnyOrder("floating_address", "fixed_address");
		assertThat(this.codec.toTree(new FloatingIpRef("203.0.113.5")).propertyNames())
			.containsExactly("floating_address");
		assertThat(this.codec.toTree(new ValidateNetworks("p-1", List.of(), null)).propertyNames())
			.containsExactlyInAnyOrder("project_id", "requested_networks", "security_groups");
		assertThat(this.codec.toTree(new InstanceSecurityGroup("i-1", "p-1", "web")).propertyNames())
			.containsExactlyInAnyOrder("instance_uuid", "project_id", "group");
	}

	@Test
	void aRefusalTravelsAsItsFaultAndMessageAndAnAcceptanceAsNoFault() {
		NetworkCheck refused = NetworkCheck.refused("NetworkNotFound", "Network n-1 could not be found.");
		JsonNode tree = this.codec.toTree(refused);
		assertThat(tree.propertyNames()).containsExactlyInAnyOrder("fault", "message", "security_groups");
		assertThat(this.codec.fromTree(tree, NetworkCheck.class)).isEqualTo(refused);
		NetworkCheck accepted = (NetworkCheck) this.codec
			.fromTree(this.codec.toTree(NetworkCheck.accepted(List.of("web"))), NetworkCheck.class);
		assertThat(accepted.isAccepted()).isTrue();
		assertThat(accepted.securityGroups()).containsExactly("web");
	}

	@Test
	void aFieldOfANewerMinorVersionIsIgnoredAndMissingNetworksAreTheDefaults() {
		ObjectNode newer = (ObjectNode) this.codec.toTree(new AllocateForInstance("i-1", "p-1", "compute-1", null));
		newer.put("port_profile", "added-in-2.1");
		newer.remove("requested_networks");
		// an older caller sends no security_groups: the ports get the project's default group
		newer.remove("security_groups");
		AllocateForInstance read = (AllocateForInstance) this.codec.fromTree(newer, AllocateForInstance.class);
		assertThat(read).isEqualTo(new AllocateForInstance("i-1", "p-1", "compute-1", List.of()));
	}

	@Test
	void theInterfaceAttachCallsTravelWithNovasArgumentNames() {
		assertThat(this.codec.toTree(new NetworkRpcApi.AllocatePortForInstance("i-1", "p-1", "compute-1", "n-1", null,
				"10.0.0.7", List.of("web"))).propertyNames())
			.containsExactlyInAnyOrder("instance_uuid", "project_id", "host", "network_id", "port_id", "fixed_ip",
					"security_groups");
		assertThat(this.codec.toTree(new NetworkRpcApi.DeallocatePortForInstance("i-1", "port-1", true, "compute-1"))
			.propertyNames()).containsExactlyInAnyOrder("instance_uuid", "port_id", "preserve", "host");
		PortAllocation refused = PortAllocation.refused("PortInUse", "Port port-1 is still in use.");
		assertThat(this.codec.fromTree(this.codec.toTree(refused), PortAllocation.class)).isEqualTo(refused);
	}

	@Test
	void aDeallocationFromA21CallerDeletesEveryPortAndANewInterfaceNamesItsSubnet() {
		ObjectNode older = (ObjectNode) this.codec.toTree(new DeallocateForInstance("i-1", "compute-1", List.of("p-9")));
		assertThat(older.get("preserved_port_ids").get(0).asString()).isEqualTo("p-9");
		older.remove("preserved_port_ids");
		assertThat(this.codec.fromTree(older, DeallocateForInstance.class))
			.isEqualTo(new DeallocateForInstance("i-1", "compute-1"));
		VirtualInterface vif = new VirtualInterface("port-1", "fa:16:3e:00:00:01", "n-1", "private", "br100", null,
				"10.0.0.0/24", "10.0.0.5", "10.0.0.1", List.of(), true, List.of(), "s-1");
		JsonNode tree = this.codec.toTree(vif);
		assertThat(tree.get("subnet_id").asString()).isEqualTo("s-1");
		((ObjectNode) tree).remove("subnet_id");
		assertThat(((VirtualInterface) this.codec.fromTree(tree, VirtualInterface.class)).subnetId()).isNull();
	}

}
