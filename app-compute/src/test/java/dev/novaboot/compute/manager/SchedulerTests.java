package dev.novaboot.compute.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.compute.store.ComputeNodeRepository;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.ServerGroupRecord;
import dev.novaboot.compute.store.Usage;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The scheduler places instances on up, enabled compute hosts with room, weighed by free
 * RAM, and never on a host that is down, disabled or full. This host ({@code test-host},
 * the fake driver's 8 vcpus / 16 GB / 100 GB) is disabled in these tests so that the
 * pretend hosts decide.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class SchedulerTests {

	@Autowired
	Scheduler scheduler;

	@Autowired
	InstanceStates states;

	@Autowired
	ComputeNodeRepository nodes;

	@Autowired
	ServiceRecordRepository services;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServerGroups groups;

	ServiceRows rows;

	String prefix;

	@BeforeEach
	void pretendHosts() {
		this.rows = new ServiceRows(this.services, this.clock, this.jdbc);
		this.prefix = "sched-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		this.jdbc.update("UPDATE services SET disabled = TRUE WHERE host = 'test-host'");
	}

	@AfterEach
	void enableThisHost() {
		this.jdbc.update("UPDATE services SET disabled = FALSE WHERE host = 'test-host'");
		this.jdbc.update("UPDATE services SET forced_down = TRUE WHERE host LIKE ?", this.prefix + "%");
	}

	@Test
	void picksTheHostWithTheMostFreeRamAmongThoseWithRoom() {
		host("small", 4, 2048, 100);
		host("big", 4, 8192, 100);
		host("no-disk", 4, 65536, 0);
		Instance instance = instance(1, 1024, 10);
		assertThat(this.scheduler.schedule(instance)).isEqualTo(this.prefix + "big");
	}

	@Test
	void countsWhatIsAlreadyPlacedAndFillsAHostOnlyToItsLimit() {
		host("only", 1, 1024, 10);
		// ram allocation ratio 1.5: 1536 MB fit on 1024 MB of RAM
		assertThat(this.scheduler.schedule(instance(1, 1024, 5))).isEqualTo(this.prefix + "only");
		assertThat(this.scheduler.schedule(instance(1, 512, 5))).isEqualTo(this.prefix + "only");
		assertThatExceptionOfType(NoValidHostException.class).isThrownBy(() -> this.scheduler.schedule(instance(1, 1, 1)))
			.withMessage("No valid host was found. There are not enough hosts available.");
	}

	@Test
	void neverPlacesOnADownOrDisabledHost() {
		ServiceRecord down = host("down", 64, 65536, 1000);
		this.rows.heartbeatAgo(down, Duration.ofMinutes(10));
		ServiceRecord disabled = host("disabled", 64, 65536, 1000);
		this.rows.set(disabled, "disabled", true);
		assertThatExceptionOfType(NoValidHostException.class).isThrownBy(() -> this.scheduler.schedule(instance(1, 512, 1)));
		host("up", 1, 1024, 10);
		assertThat(this.scheduler.schedule(instance(1, 512, 1))).isEqualTo(this.prefix + "up");
	}

	@Test
	void anAffinityGroupsMembersGoToTheHostOfTheFirstEvenWhenAnotherHasMoreRoom() {
		host("small", 8, 4096, 100);
		ServerGroupRecord group = this.groups.create("project-scheduler", "user", "together", "affinity");
		assertThat(this.scheduler.schedule(member(group), new Placement(null, group.getUuid())))
			.isEqualTo(this.prefix + "small");
		host("big", 8, 65536, 100);
		assertThat(this.scheduler.schedule(member(group), new Placement(null, group.getUuid())))
			.isEqualTo(this.prefix + "small");
		// one that does not fit on the group's host fits nowhere it may go
		assertThatExceptionOfType(NoValidHostException.class)
			.isThrownBy(() -> this.scheduler.schedule(member(group, 8192), new Placement(null, group.getUuid())));
	}

	@Test
	void anAntiAffinityGroupsMembersGetAHostEachAndNoneWhenHostsRunOut() {
		host("a", 8, 4096, 100);
		host("b", 8, 8192, 100);
		ServerGroupRecord group = this.groups.create("project-scheduler", "user", "apart", "anti-affinity");
		String first = this.scheduler.schedule(member(group), new Placement(null, group.getUuid()));
		String second = this.scheduler.schedule(member(group), new Placement(null, group.getUuid()));
		assertThat(List.of(first, second)).containsExactlyInAnyOrder(this.prefix + "a", this.prefix + "b");
		assertThatExceptionOfType(NoValidHostException.class)
			.isThrownBy(() -> this.scheduler.schedule(member(group), new Placement(null, group.getUuid())));
	}

	@Test
	void softPoliciesPreferButNeverRefuse() {
		host("small", 8, 4096, 100);
		ServerGroupRecord together = this.groups.create("project-scheduler", "user", "soft-together", "soft-affinity");
		ServerGroupRecord apart = this.groups.create("project-scheduler", "user", "soft-apart", "soft-anti-affinity");
		this.scheduler.schedule(member(together), new Placement(null, together.getUuid()));
		this.scheduler.schedule(member(apart), new Placement(null, apart.getUuid()));
		host("big", 8, 65536, 100);

		assertThat(this.scheduler.schedule(member(together), new Placement(null, together.getUuid())))
			.isEqualTo(this.prefix + "small");
		assertThat(this.scheduler.schedule(member(apart), new Placement(null, apart.getUuid())))
			.isEqualTo(this.prefix + "big");
		// each host has one of them now: the soft policy still places a third
		assertThat(this.scheduler.schedule(member(apart), new Placement(null, apart.getUuid()))).isNotNull();
	}

	@Test
	void aRequestedZoneRestrictsTheHostsAndIsRecordedOnTheInstance() {
		ServiceRecord east = host("east", 8, 4096, 100);
		this.rows.set(east, "zone", "east");
		host("west", 8, 8192, 100);
		Instance instance = instance(1, 512, 1);
		assertThat(this.scheduler.schedule(instance, new Placement("east", null))).isEqualTo(this.prefix + "east");
		assertThat(this.jdbc.queryForObject("SELECT availability_zone FROM instances WHERE uuid = ?", String.class,
				instance.getUuid())).isEqualTo("east");
		assertThatExceptionOfType(NoValidHostException.class)
			.isThrownBy(() -> this.scheduler.schedule(instance(1, 512, 1), new Placement("north", null)));
	}

	@Test
	void concurrentDecisionsNeverOverfillAHost() throws Exception {
		// room for three 1 GB instances (ratio 1.5 on 2 GB), eight boots at once
		host("contended", 64, 2048, 1000);
		List<Instance> instances = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			instances.add(instance(1, 1024, 1));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> decisions = new ArrayList<>();
		try {
			for (Instance instance : instances) {
				decisions.add(pool.submit(() -> {
					try {
						return this.scheduler.schedule(instance);
					}
					catch (NoValidHostException ex) {
						return null;
					}
				}));
			}
			List<String> hosts = new ArrayList<>();
			for (Future<String> decision : decisions) {
				hosts.add(decision.get(60, TimeUnit.SECONDS));
			}
			assertThat(hosts).filteredOn((host) -> host != null).hasSize(3).containsOnly(this.prefix + "contended");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT memory_mb_used FROM compute_nodes WHERE host = ?", Integer.class,
				this.prefix + "contended")).isEqualTo(3072);
	}

	@Test
	void aNodeRowThatPromisesMoreRoomThanItsInstancesLeaveIsCorrectedAndSkipped() {
		host("stale", 8, 8192, 100);
		host("true", 8, 4096, 100);
		// an instance on "stale" that its row does not count yet (the tracker has not run)
		Instance there = instance(1, 10240, 1);
		this.jdbc.update("UPDATE instances SET host = ? WHERE uuid = ?", this.prefix + "stale", there.getUuid());
		assertThat(this.scheduler.schedule(instance(1, 4096, 1))).isEqualTo(this.prefix + "true");
		assertThat(this.jdbc.queryForObject("SELECT memory_mb_used FROM compute_nodes WHERE host = ?", Integer.class,
				this.prefix + "stale")).isEqualTo(10240);
	}

	private Instance member(ServerGroupRecord group) {
		return member(group, 512);
	}

	private Instance member(ServerGroupRecord group, int memoryMb) {
		Instance instance = instance(1, memoryMb, 1);
		this.groups.addMember(group.getUuid(), instance.getUuid(), "user");
		return instance;
	}

	private ServiceRecord host(String name, int vcpus, int memoryMb, int localGb) {
		String host = this.prefix + name;
		ServiceRecord service = this.rows.service(host, "nova-compute", "compute", Duration.ZERO);
		ComputeNode node = new ComputeNode(UUID.randomUUID().toString(), host, this.clock.now());
		node.setResources("fake", "1.0", vcpus, memoryMb, localGb, 16.0, 1.5, 1.0);
		node.setUsage(new Usage(0, 0, 0, 0), this.clock.now());
		this.nodes.saveAndFlush(node);
		return service;
	}

	private Instance instance(int vcpus, int memoryMb, int rootGb) {
		return this.states.create("scheduled", "project-scheduler", "user", "x", vcpus, memoryMb, rootGb, "image");
	}


}
