package dev.novaboot.compute.manager;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.ServerGroupRecord;
import dev.novaboot.compute.store.VmState;
import dev.novaboot.service.api.ServiceAdministration;
import dev.novaboot.service.auth.identity.ServiceCatalog;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.rpc.RpcTargets;
import dev.novaboot.service.testsupport.StatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one scheduling decision, one periodic task and one lookup cost in SQL statements
 * does not grow with the number of compute hosts: each is counted with 10 hosts
 * registered and again with 1,000, and the counts are equal (every statement this thread
 * prepares counts, Hibernate's and JdbcTemplate's alike). A database of its own, so that
 * the thousand pretend hosts meet no other test.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:nova-compute-statements;DB_CLOSE_DELAY=-1",
		"nova.host=count-host" })
@Import(StatementCounter.Configuration.class)
class StatementCountTests {

	@Autowired
	StatementCounter counter;

	@Autowired
	Scheduler scheduler;

	@Autowired
	InstanceStates states;

	@Autowired
	ServerGroups groups;

	@Autowired
	DeadHostBuilds deadHostBuilds;

	@Autowired
	PowerStateSync powerStateSync;

	@Autowired
	ResourceTracker resourceTracker;

	@Autowired
	RpcTargets rpcTargets;

	@Autowired
	ServiceAdministration administration;

	@Autowired
	ServiceGroup serviceGroup;

	@Autowired
	AvailabilityZones zones;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	int hosts;

	@BeforeEach
	void noHostsButThisOne() {
		this.jdbc.update("DELETE FROM instances");
		this.jdbc.update("DELETE FROM compute_nodes WHERE host LIKE 'count-%-host-%'");
		this.jdbc.update("DELETE FROM services WHERE host LIKE 'count-%-host-%'");
		this.hosts = 0;
		this.resourceTracker.update();
	}

	@Test
	void aSchedulingDecisionCostsTheSameAtTenAndAtAThousandHosts() {
		addHosts(10);
		Map<String, Integer> atTen = schedulingCosts();
		addHosts(990);
		Map<String, Integer> atAThousand = schedulingCosts();
		System.out.println("statements per scheduling decision at 10 / 1,000 hosts: " + atTen + " / " + atAThousand);
		assertThat(atAThousand).isEqualTo(atTen);
		// a few statements each: candidates, lock, usage, the instance, the node
		assertThat(atTen.values()).allSatisfy((statements) -> assertThat(statements).isBetween(3, 14));
	}

	@Test
	void thePeriodicTasksCostTheSameAtTenAndAtAThousandHosts() {
		addHosts(10);
		Map<String, Integer> atTen = periodicCosts();
		addHosts(990);
		Map<String, Integer> atAThousand = periodicCosts();
		System.out.println("statements per periodic task at 10 / 1,000 hosts: " + atTen + " / " + atAThousand);
		assertThat(atAThousand).isEqualTo(atTen);
	}

	@Test
	void lookupsCostTheSameAtTenAndAtAThousandHosts() {
		addHosts(10);
		Map<String, Integer> atTen = lookupCosts();
		addHosts(990);
		Map<String, Integer> atAThousand = lookupCosts();
		System.out.println("statements per lookup at 10 / 1,000 hosts: " + atTen + " / " + atAThousand);
		assertThat(atAThousand).isEqualTo(atTen);
		assertThat(this.rpcTargets.upServices("compute")).hasSize(RpcTargets.WINDOW);
	}

	private Map<String, Integer> schedulingCosts() {
		Map<String, Integer> costs = new java.util.LinkedHashMap<>();
		costs.put("anywhere", this.counter.statements(() -> this.scheduler.schedule(instance())));
		costs.put("zone", this.counter.statements(() -> this.scheduler.schedule(instance(), new Placement("nova", null))));
		for (String policy : List.of("affinity", "anti-affinity", "soft-affinity", "soft-anti-affinity")) {
			ServerGroupRecord group = this.groups.create("project-count", "user", policy + "-" + this.hosts, policy);
			this.scheduler.schedule(member(group), new Placement(null, group.getUuid()));
			this.scheduler.schedule(member(group), new Placement(null, group.getUuid()));
			Instance third = member(group);
			costs.put(policy, this.counter.statements(() -> {
				try {
					this.scheduler.schedule(third, new Placement(null, group.getUuid()));
				}
				catch (NoValidHostException ex) {
					// affinity may fill its host; the cost of finding that out counts too
				}
			}));
		}
		return costs;
	}

	private Map<String, Integer> periodicCosts() {
		// one building instance on a dead host goes to error, one on a live host stays
		String dead = "count-dead-host-" + this.hosts;
		service(dead, Duration.ofHours(1));
		staleBuild(dead);
		staleBuild("count-up-host-1");
		Map<String, Integer> costs = new java.util.LinkedHashMap<>();
		costs.put("failStaleBuilds", this.counter.statements(() -> assertThat(this.deadHostBuilds.failStaleBuilds()).isEqualTo(1)));
		costs.put("syncPowerStates", this.counter.statements(this.powerStateSync::sync));
		costs.put("updateAvailableResources", this.counter.statements(this.resourceTracker::update));
		this.jdbc.update("DELETE FROM instances WHERE vm_state IN ('building', 'error')");
		return costs;
	}

	private Map<String, Integer> lookupCosts() {
		Map<String, Integer> costs = new java.util.LinkedHashMap<>();
		costs.put("rpc target", this.counter.statements(() -> this.rpcTargets.upServices("compute")));
		costs.put("os-services?host=", this.counter.statements(() -> assertThat(this.administration.list(null,
				"count-up-host-1")).hasSize(1)));
		costs.put("os-services?host=&binary=", this.counter.statements(() -> assertThat(this.administration.list(
				"nova-compute", "count-up-host-1")).hasSize(1)));
		// the whole list, streamed: one query whatever the row count
		java.util.concurrent.atomic.AtomicInteger up = new java.util.concurrent.atomic.AtomicInteger();
		costs.put("os-services (every row)", this.counter.statements(() -> this.administration.forEach(null, null,
				(service) -> up.addAndGet(service.up() ? 1 : 0))));
		assertThat(up.get()).isGreaterThanOrEqualTo(this.hosts);
		costs.put("catalog", this.counter.statements(
				() -> new ServiceCatalog(this.serviceGroup, Map.of(), "RegionOne").entries("p", "http://identity")));
		costs.put("compute zones", this.counter.statements(() -> assertThat(this.zones.computeZones()).contains("nova")));
		return costs;
	}

	// up, enabled compute hosts with room for a few instances each, on the database's clock
	private void addHosts(int count) {
		List<Object[]> services = new ArrayList<>();
		List<Object[]> nodes = new ArrayList<>();
		Timestamp now = Timestamp.from(this.clock.now());
		for (int i = 0; i < count; i++) {
			this.hosts++;
			String host = "count-up-host-" + this.hosts;
			services.add(new Object[] { UUID.randomUUID().toString(), host, now, now });
			// the first hosts have the most room, so that both counts choose among the same
			int memoryMb = 4096 - Math.min(this.hosts, 4000);
			nodes.add(new Object[] { UUID.randomUUID().toString(), host, memoryMb, memoryMb * 1.5, now, now });
		}
		this.jdbc.batchUpdate("INSERT INTO services (uuid, host, \"binary\", topic, zone, report_count, disabled, "
				+ "forced_down, version, rpc_endpoint, last_seen_up, created_at, deleted) "
				+ "VALUES (?, ?, 'nova-compute', 'compute', 'nova', 1, FALSE, FALSE, 1, 'http://127.0.0.1:9', ?, ?, 0)",
				services);
		this.jdbc.batchUpdate("INSERT INTO compute_nodes (uuid, host, hypervisor_type, hypervisor_version, vcpus, "
				+ "memory_mb, local_gb, vcpus_used, memory_mb_used, local_gb_used, running_vms, cpu_allocation_ratio, "
				+ "ram_allocation_ratio, disk_allocation_ratio, free_ram_mb, created_at, updated_at) "
				+ "VALUES (?, ?, 'fake', '1.0', 8, ?, 100, 0, 0, 0, 0, 16.0, 1.5, 1.0, ?, ?, ?)", nodes);
	}

	private void service(String host, Duration heartbeatAge) {
		Timestamp at = Timestamp.from(this.clock.now().minus(heartbeatAge));
		this.jdbc.update("INSERT INTO services (uuid, host, \"binary\", topic, zone, report_count, disabled, "
				+ "forced_down, version, last_seen_up, created_at, deleted) "
				+ "VALUES (?, ?, 'nova-compute', 'compute', 'nova', 1, FALSE, FALSE, 1, ?, ?, 0)",
				UUID.randomUUID().toString(), host, at, at);
	}

	private void staleBuild(String host) {
		Instance instance = instance();
		this.states.scheduled(instance.getUuid(), host);
		this.jdbc.update("UPDATE instances SET updated_at = ? WHERE uuid = ?",
				Timestamp.from(this.clock.now().minus(Duration.ofHours(1))), instance.getUuid());
		assertThat(this.jdbc.queryForObject("SELECT vm_state FROM instances WHERE uuid = ?", String.class,
				instance.getUuid())).isEqualTo(VmState.BUILDING.value());
	}

	private Instance member(ServerGroupRecord group) {
		Instance instance = instance();
		this.groups.addMember(group.getUuid(), instance.getUuid(), "user");
		return instance;
	}

	private Instance instance() {
		return this.states.create("counted", "project-count", "user", "1", 1, 512, 1, "image");
	}

}
