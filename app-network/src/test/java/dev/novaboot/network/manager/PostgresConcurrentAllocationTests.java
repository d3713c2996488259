package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.novaboot.network.NetworkApplication;
import dev.novaboot.network.manager.NoMoreAddressesException;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.UniqueKeys;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import dev.novaboot.service.testsupport.SchemaNames;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static dev.novaboot.network.manager.ManagerTestSupport.context;
import static dev.novaboot.network.manager.ManagerTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Address allocation on a real PostgreSQL: many threads, and two network hosts (two
 * application contexts with their own connection pools) allocating from one network at
 * once never get the same address, and get a clear "no more addresses" once it is full;
 * and the migrated schema names its indexes and unique keys as the whole suite does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@Import(EmbeddedPostgresConfiguration.class)
class PostgresConcurrentAllocationTests {

	@Autowired
	NetworkManager manager;

	@Autowired
	NetworkService networks;

	@Autowired
	SubnetService subnets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PortService ports;

	@Autowired
	PortRepository portRows;

	@Autowired
	Environment environment;

	@Test
	void runsOnPostgreSQL() {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
	}

	@Test
	void everyIndexAndUniqueKeyFollowsTheNamingScheme() {
		assertThat(SchemaNames.offending(this.jdbc)).isEmpty();
	}

	@Test
	void postgresqlsUniqueKeyOnTheMacAddressIsToldFromOtherDataErrors() {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("pg-mac"), "mac",
				"10.72.0.0/24", false);
		Port first = this.ports.create(context("pg-mac"),
				new PortSpec(network.getUuid(), null, null, null, null, null, null, null, null, null));
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.portRows.saveAndFlush(new Port(first.getCreatedAt(), network.getId(), "pg-mac",
					first.getMacAddress(), "", "")))
			.satisfies((ex) -> assertThat(UniqueKeys.violated(ex, "uq_ports_mac_address")).isTrue());
		// "value too long for type character varying(255)": no retry, no MAC collision
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.ports.create(context("pg-mac"),
					new PortSpec(network.getUuid(), null, null, null, null, null, "d".repeat(100_000), null, null, null)))
			.satisfies((ex) -> assertThat(UniqueKeys.violated(ex, "uq_ports_mac_address")).isFalse());
	}

	@Test
	void manyThreadsNeverShareAnAddress() throws Exception {
		// a /24 has 254 host addresses, one of them the gateway: 253 for 320 attempts
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("pg-threads"), "threads",
				"10.70.0.0/24", false);
		Outcome outcome = allocate(List.of(this.manager), network, 32, 10);
		assertThat(outcome.failures).isEmpty();
		assertThat(outcome.addresses).hasSize(253).doesNotHaveDuplicates();
		assertThat(outcome.full.get()).isEqualTo(320 - 253);
		assertThat(allocatedRows(network)).isEqualTo(253);
		assertThat(distinctPortAddresses(network)).isEqualTo(253);
	}

	@Test
	void twoNetworkHostsNeverShareAnAddress() throws Exception {
		Network network = ManagerTestSupport.network(this.networks, this.subnets, context("pg-hosts"), "hosts",
				"10.71.0.0/24", false);
		try (ConfigurableApplicationContext second = secondHost()) {
			NetworkManager other = second.getBean(NetworkManager.class);
			assertThat(second.getBean(JdbcTemplate.class).getDataSource()).isNotSameAs(this.jdbc.getDataSource());
			Outcome outcome = allocate(List.of(this.manager, other), network, 16, 20);
			assertThat(outcome.failures).isEmpty();
			assertThat(outcome.addresses).hasSize(253).doesNotHaveDuplicates();
			assertThat(outcome.full.get()).isEqualTo(320 - 253);
			assertThat(allocatedRows(network)).isEqualTo(253);
			assertThat(distinctPortAddresses(network)).isEqualTo(253);
		}
	}

	@Test
	void manyThreadsNeverShareAnIpv6AddressOfAStatefulPool() throws Exception {
		// IPv6 addresses are rows made on demand under the subnet's lock: 40 in the pool, 64 ports asked for
		RequestContext context = context("pg-v6");
		Network network = this.networks.create(context,
				new NetworkSpec(null, "v6-threads", null, null, null, null, null, null, null), Network.FLAT);
		this.subnets.create(context, new SubnetSpec(network.getUuid(), null, "v6", null, "fd00:70::/64", 6, false, null,
				List.of(new SubnetSpec.Pool("fd00:70::10", "fd00:70::37")), List.of(), null, null, "dhcpv6-stateful",
				"dhcpv6-stateful"));
		List<String> addresses = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger full = new AtomicInteger();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < 16; t++) {
			futures.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < 4; i++) {
					try {
						Port port = this.ports.create(context,
								new PortSpec(network.getUuid(), null, null, null, null, null, null, null, null, null));
						addresses.add(this.ports.addressesOf(port).get(0).getAddress());
					}
					catch (NoMoreAddressesException ex) {
						full.incrementAndGet();
					}
					catch (RuntimeException ex) {
						failures.add(ex);
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		assertThat(failures).isEmpty();
		assertThat(addresses).hasSize(40).doesNotHaveDuplicates().allMatch((address) -> address.startsWith("fd00:70::"));
		assertThat(full.get()).isEqualTo(64 - 40);
		assertThat(allocatedRows(network)).isEqualTo(40);
		assertThat(distinctPortAddresses(network)).isEqualTo(40);
	}

	/** Another nova-network on another "host", sharing only the database. */
	private ConfigurableApplicationContext secondHost() {
		// command-line arguments: they override the test application.properties (builder properties would not)
		return new SpringApplicationBuilder(NetworkApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + this.environment.getProperty("spring.datasource.url"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=",
					"--nova.host=network-test-host-2");
	}

	/**
	 * {@code threads} threads spread over the managers, each allocating {@code perThread}
	 * instances, all released at once.
	 */
	private Outcome allocate(List<NetworkManager> managers, Network network, int threads, int perThread)
			throws Exception {
		Outcome outcome = new Outcome();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			NetworkManager manager = managers.get(t % managers.size());
			futures.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					try {
						outcome.addresses.add(manager
							.allocateForInstance(context(network.getProjectId()),
									new AllocateForInstance(instance(), network.getProjectId(), "compute",
									List.of(new RequestedNetwork(network.getUuid(), null))))
							.interfaces()
							.get(0)
							.address());
					}
					catch (NoMoreAddressesException ex) {
						outcome.full.incrementAndGet();
					}
					catch (RuntimeException ex) {
						outcome.failures.add(ex);
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		return outcome;
	}

	private int allocatedRows(Network network) {
		return this.jdbc.queryForObject("SELECT count(*) FROM fixed_ips WHERE network_id = ? AND allocated", Integer.class,
				network.getId());
	}

	private int distinctPortAddresses(Network network) {
		return this.jdbc.queryForObject("SELECT count(DISTINCT f.address) FROM fixed_ips f JOIN ports p ON p.id = f.port_id "
				+ "WHERE p.network_id = ?", Integer.class, network.getId());
	}

	static final class Outcome {

		final List<String> addresses = Collections.synchronizedList(new ArrayList<>());

		final AtomicInteger full = new AtomicInteger();

		final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

	}

}
