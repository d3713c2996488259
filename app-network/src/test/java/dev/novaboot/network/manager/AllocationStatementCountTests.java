package dev.novaboot.network.manager;

import java.util.List;

import dev.novaboot.network.store.Network;
import dev.novaboot.service.rpc.api.InstanceNetworkInfo;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.testsupport.StatementCounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static dev.novaboot.network.manager.ManagerTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance's allocation on a network in use reads the network and its subnets once (for
 * the port and for the host alike) and builds the network info it returns from the rows it
 * wrote, not by reading them back; the project's quota check and the rows' time are one
 * statement. Counted on H2 (the embedded default), where taking an address is three
 * statements (PostgreSQL's is one).
 */
@SpringBootTest(properties = "nova.network.quota.port=-1")
@Import(StatementCounter.Configuration.class)
class AllocationStatementCountTests {

	@Autowired
	StatementCounter counter;

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@Test
	void anAllocationOnANetworkInUseMakesNineStatementsOnH2() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("p-count"), "count",
				"10.126.0.0/24", false);
		// the first allocation claims the network and makes the project's default group
		allocate(network);

		StatementCounter.Counted<InstanceNetworkInfo> counted = this.counter.counted(() -> allocate(network));

		assertThat(counted.result().interfaces()).singleElement()
			.satisfies((vif) -> assertThat(vif.address()).isEqualTo("10.126.0.3"));
		// the instance's ports (none yet), its default group, the network with its subnets, the
		// quota's limit with the transaction's time, the port, the address (the lowest free rows,
		// the lock of one, its update), the port's group
		assertThat(counted.statements()).isEqualTo(9);
	}

	private InstanceNetworkInfo allocate(Network network) {
		return this.manager.allocateForInstance(context("p-count"), new AllocateForInstance(instance(), "p-count", "c",
				List.of(new RequestedNetwork(network.getUuid(), null))));
	}

}
