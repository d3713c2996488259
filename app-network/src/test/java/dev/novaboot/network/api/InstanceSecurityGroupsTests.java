package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.network.manager.NetworkManager;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.NetworkCheck;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.InstanceSecurityGroup;
import dev.novaboot.service.rpc.api.NetworkRpcApi.ValidateNetworks;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static dev.novaboot.network.api.ApiCalls.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What compute asks of nova-network for a boot and for Nova's security group actions:
 * {@code validate_networks} refuses, by Nova's exception names, a network the project cannot
 * use or that has no subnet, an address a port holds and an unknown or ambiguous group,
 * and creates nothing; the groups asked for at boot are the ports' groups; adding and
 * removing a group changes every port of the instance, as the Networking API then shows.
 * (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class InstanceSecurityGroupsTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	NetworkManager manager;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	void validationRefusesWhatNovaRefusesByItsExceptionNames() {
		String network = this.api.network("isg-v", "\"name\": \"isg-v\"");
		this.api.subnet("isg-v", network, "10.246.0.0/24");
		String bare = this.api.network("isg-v", "\"name\": \"isg-v-bare\"");
		String foreign = this.api.network("isg-v-other", "\"name\": \"isg-v-foreign\"");
		this.api.create("isg-v", "security-groups", "security_group", "\"name\": \"twice\"");
		this.api.create("isg-v", "security-groups", "security_group", "\"name\": \"twice\"");
		String holder = UUID.randomUUID().toString();
		this.manager.allocateForInstance(context("isg-v"), new AllocateForInstance(holder, "isg-v", "c",
				List.of(new RequestedNetwork(network, "10.246.0.20"))));
		long ports = portCount();

		String twiceId = (String) list(this.api.get("isg-v", "/v2.0/security-groups?name=twice"), "security_groups")
			.get(0)
			.get("id");
		// groups by id are answered by name, as the server shows them
		assertThat(validate(List.of(new RequestedNetwork(network, null)), List.of("default", twiceId)))
			.isEqualTo(NetworkCheck.accepted(List.of("default", "twice")));
		assertThat(validate(List.of(new RequestedNetwork(foreign, null)), null))
			.isEqualTo(NetworkCheck.refused("NetworkNotFound", "Network " + foreign + " could not be found."));
		assertThat(validate(List.of(new RequestedNetwork(bare, null)), null)).isEqualTo(NetworkCheck
			.refused("NetworkRequiresSubnet", "Network " + bare + " requires a subnet in order to boot instances on."));
		assertThat(validate(List.of(new RequestedNetwork(network, "10.246.0.20")), null))
			.isEqualTo(NetworkCheck.refused("FixedIpAlreadyInUse",
					"Fixed IP address 10.246.0.20 is already in use on instance " + holder + "."));
		assertThat(validate(List.of(), List.of("db")))
			.isEqualTo(NetworkCheck.refused("SecurityGroupNotFound", "Security group db not found."));
		assertThat(validate(List.of(), List.of("twice")).fault()).isEqualTo("NoUniqueMatch");
		assertThat(validate(List.of(RequestedNetwork.none()), null)).isEqualTo(NetworkCheck.accepted());
		assertThat(portCount()).isEqualTo(ports);
	}

	@Test
	void theGroupsOfABootAndOfTheActionsAreEveryPortsGroups() {
		String first = this.api.network("isg-a", "\"name\": \"isg-a-1\"");
		this.api.subnet("isg-a", first, "10.247.0.0/24");
		String second = this.api.network("isg-a", "\"name\": \"isg-a-2\"");
		this.api.subnet("isg-a", second, "10.247.1.0/24");
		String web = (String) this.api.create("isg-a", "security-groups", "security_group", "\"name\": \"web\"").get("id");
		String ssh = (String) this.api.create("isg-a", "security-groups", "security_group", "\"name\": \"ssh\"").get("id");
		String instance = UUID.randomUUID().toString();
		this.manager.allocateForInstance(context("isg-a"), new AllocateForInstance(instance, "isg-a", "c",
				List.of(new RequestedNetwork(first, null), new RequestedNetwork(second, null)), List.of("web")));
		assertThat(groupsOfPorts(instance)).containsExactly(Set.of(web), Set.of(web));

		// by id the answer names the group, which is what the server shows
		assertThat(this.manager.addSecurityGroup(context("isg-a"), new InstanceSecurityGroup(instance, "isg-a", ssh)))
			.isEqualTo(NetworkCheck.accepted(List.of("ssh")));
		assertThat(groupsOfPorts(instance)).containsExactly(Set.of(web, ssh), Set.of(web, ssh));
		assertThat(this.manager.addSecurityGroup(context("isg-a"), new InstanceSecurityGroup(instance, "isg-a", "ssh")))
			.isEqualTo(NetworkCheck.accepted(List.of("ssh")));
		assertThat(groupsOfPorts(instance)).containsExactly(Set.of(web, ssh), Set.of(web, ssh));

		assertThat(this.manager.removeSecurityGroup(context("isg-a"), new InstanceSecurityGroup(instance, "isg-a", "web")))
			.isEqualTo(NetworkCheck.accepted(List.of("web")));
		assertThat(groupsOfPorts(instance)).containsExactly(Set.of(ssh), Set.of(ssh));
		assertThat(this.manager.removeSecurityGroup(context("isg-a"), new InstanceSecurityGroup(instance, "isg-a", "web")))
			.isEqualTo(NetworkCheck.refused("SecurityGroupNotFound",
					"Security group web not associated with the instance " + instance));
		assertThat(this.manager.addSecurityGroup(context("isg-a"), new InstanceSecurityGroup(instance, "isg-a", "db")))
			.isEqualTo(NetworkCheck.refused("SecurityGroupNotFound", "Security group db is not found for project isg-a"));
		String portless = UUID.randomUUID().toString();
		assertThat(this.manager.addSecurityGroup(context("isg-a"), new InstanceSecurityGroup(portless, "isg-a", "web")))
			.isEqualTo(NetworkCheck.refused("SecurityGroupNotFound",
					"instance_id " + portless + " could not be found as device id on any ports"));
		assertThat(groupsOfPorts(instance)).containsExactly(Set.of(ssh), Set.of(ssh));
	}

	private NetworkCheck validate(List<RequestedNetwork> requested, List<String> groups) {
		return this.manager.validateNetworks(context("isg-v"), new ValidateNetworks("isg-v", requested, groups));
	}

	@SuppressWarnings("unchecked")
	private List<Set<Object>> groupsOfPorts(String instance) {
		return list(this.api.get("admin", "/v2.0/ports?device_id=" + instance), "ports")
			.stream()
			.map((port) -> Set.copyOf((List<Object>) port.get("security_groups")))
			.toList();
	}

	private long portCount() {
		return list(this.api.get("admin", "/v2.0/ports"), "ports").size();
	}

	private static RequestContext context(String project) {
		return new RequestContext("req-" + project, "user-" + project, project, Set.of("member"));
	}

}
