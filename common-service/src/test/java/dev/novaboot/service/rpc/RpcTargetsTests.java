package dev.novaboot.service.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message to a topic is offered to a window of the topic's up, enabled services, never
 * the whole topic, and the windows move along the topic so that every service gets its
 * turn.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class RpcTargetsTests {

	@Autowired
	RpcTargets targets;

	@Autowired
	ServiceGroup group;

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aWindowHoldsAtMostEightUpEnabledServicesAndEveryServiceGetsItsTurn() {
		ServiceRows rows = new ServiceRows(this.repository, this.clock, this.jdbc);
		Set<String> up = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			ServiceRecord service = rows.service("window-h" + i, "nova-compute", "window", Duration.ofSeconds(1));
			rows.set(service, "rpc_endpoint", "http://127.0.0.1:9");
			up.add(service.getHost());
		}
		rows.service("window-down", "nova-compute", "window", Duration.ofMinutes(5));
		ServiceRecord disabled = rows.service("window-disabled", "nova-compute", "window", Duration.ZERO);
		rows.set(disabled, "disabled", true);

		LeastRecentlyUsedChooser chooser = new LeastRecentlyUsedChooser();
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			List<ServiceRecord> window = this.targets.upServices("window");
			assertThat(window).hasSizeBetween(1, RpcTargets.WINDOW);
			assertThat(window).extracting(ServiceRecord::getHost).allMatch(up::contains);
			chosen.add(chooser.choose("window", window).getHost());
		}
		// twenty messages, twenty services: each got one
		assertThat(chosen).containsExactlyInAnyOrderElementsOf(up);
	}

	@Test
	void aFanoutReachesEveryUpServiceDisabledOnesToo() {
		ServiceRows rows = new ServiceRows(this.repository, this.clock, this.jdbc);
		rows.service("fanout-up", "nova-compute", "fanout", Duration.ofSeconds(1));
		ServiceRecord disabled = rows.service("fanout-disabled", "nova-compute", "fanout", Duration.ZERO);
		rows.set(disabled, "disabled", true);
		rows.service("fanout-down", "nova-compute", "fanout", Duration.ofMinutes(5));
		rows.service("fanout-future", "nova-compute", "fanout", Duration.ofSeconds(-120));

		assertThat(this.targets.fanoutServices("fanout")).extracting(ServiceRecord::getHost)
			.containsExactly("fanout-up", "fanout-disabled");
	}

	@Test
	void theCatalogsServiceIsTheUpOneWithAnEndpointHeardFromLast() {
		ServiceRows rows = new ServiceRows(this.repository, this.clock, this.jdbc);
		ServiceRecord older = rows.service("latest-older", "nova-latest", "latest", Duration.ofSeconds(20));
		rows.set(older, "rpc_endpoint", "http://older:1");
		ServiceRecord newer = rows.service("latest-newer", "nova-latest", "latest", Duration.ofSeconds(2));
		rows.set(newer, "rpc_endpoint", "http://newer:1");
		rows.service("latest-no-endpoint", "nova-latest", "latest", Duration.ZERO);
		ServiceRecord down = rows.service("latest-down", "nova-latest", "latest", Duration.ofMinutes(5));
		rows.set(down, "rpc_endpoint", "http://down:1");

		assertThat(this.group.latestUpWithEndpoint("nova-latest")).map(ServiceRecord::getHost).contains("latest-newer");
		assertThat(this.group.latestUpWithEndpoint("nova-nothing")).isEmpty();
	}

}
