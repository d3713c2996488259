package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.novaboot.network.driver.BridgeSetup;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.VirtualInterface;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static dev.novaboot.network.manager.ManagerTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The vlan strategy: a project's network is created on its first use, with the next VLAN
 * id of the range and the matching slice of the fixed range, set up on this host as a
 * VLAN interface in a bridge with the gateway and DHCP; the range running out is a clear
 * error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.network.manager=vlan", "nova.network.vlan-interface=eth1", "nova.network.vlan.start=200",
				"nova.network.vlan.num-networks=3", "nova.network.vlan.fixed-range=10.40.0.0/22",
				"nova.network.vlan.dns-nameservers=192.0.2.53" })
@AutoConfigureTestRestTemplate
@Import(StrategyTestConfiguration.class)
class VlanManagerTests {

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkRepository networks;

	@Autowired
	RecordingNetworkDriver driver;

	@Test
	void projectsGetTheirOwnVlanOnFirstUseUntilTheRangeRunsOut() throws Exception {
		assertThat(this.manager).isInstanceOf(VlanManager.class);
		VirtualInterface first = allocate("vlan-p1");
		assertThat(first.vlan()).isEqualTo(200);
		assertThat(first.bridge()).isEqualTo("br200");
		assertThat(first.cidr()).isEqualTo("10.40.0.0/24");
		assertThat(first.address()).isEqualTo("10.40.0.2");
		assertThat(first.gateway()).isEqualTo("10.40.0.1");
		assertThat(first.dns()).containsExactly("192.0.2.53");
		assertThat(this.driver.plugged).contains(new BridgeSetup("br200", 200, "eth1", "10.40.0.1/24"));
		assertThat(this.driver.dhcp.get(first.networkId()).hosts()).hasSize(1);

		// the same project stays on its network
		VirtualInterface again = allocate("vlan-p1");
		assertThat(again.networkId()).isEqualTo(first.networkId());
		assertThat(again.address()).isEqualTo("10.40.0.3");

		// first use by many threads at once still makes one network for the project
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<VirtualInterface>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			results.add(pool.submit((Callable<VirtualInterface>) () -> allocate("vlan-p2")));
		}
		List<VirtualInterface> p2 = new ArrayList<>();
		for (Future<VirtualInterface> result : results) {
			p2.add(result.get());
		}
		pool.shutdown();
		assertThat(p2).extracting(VirtualInterface::networkId).containsOnly(p2.get(0).networkId());
		assertThat(p2).extracting(VirtualInterface::vlan).containsOnly(201);
		assertThat(p2).extracting(VirtualInterface::address).doesNotHaveDuplicates();
		assertThat(p2.get(0).cidr()).isEqualTo("10.40.1.0/24");

		assertThat(allocate("vlan-p3").vlan()).isEqualTo(202);
		assertThatExceptionOfType(NetworkException.class).isThrownBy(() -> allocate("vlan-p4"))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("NoNetworkAvailable"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(NetworkException.Kind.UNAVAILABLE));
		assertThat(this.networks.findAll()).extracting((network) -> network.getSegmentationId())
			.containsExactlyInAnyOrder(200, 201, 202);
	}

	private VirtualInterface allocate(String project) {
		return this.manager.allocateForInstance(context(project),
				new AllocateForInstance(instance(), project, "c", List.of()))
			.interfaces()
			.get(0);
	}

}
