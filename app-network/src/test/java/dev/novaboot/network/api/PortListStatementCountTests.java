package dev.novaboot.network.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.testsupport.StatementCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of {@code GET /v2.0/ports} costs the same number of SQL statements whether it
 * holds 10 ports or 100: what each port shows of other tables (its network's and subnet's
 * ids, its addresses, its security groups) is read for the whole page at once.
 */
@SpringBootTest
@Import(StatementCounter.Configuration.class)
class PortListStatementCountTests {

	private static final RequestContext ADMIN = new RequestContext("req-count", "admin", "admin", Set.of("admin"));

	@Autowired
	StatementCounter counter;

	@Autowired
	PortsController ports;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void hundredPortsWithAnAddressAndAGroupEach() {
		// the controller writes its links from the current request
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest("GET", "/v2.0/ports")));
		if (this.jdbc.queryForObject("SELECT COUNT(*) FROM ports", Integer.class) > 0) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("INSERT INTO networks (uuid, project_id, name, description, shared, external, admin_state_up, "
				+ "network_type, bridge, created_at, updated_at) VALUES (?, 'p1', 'counted', '', FALSE, FALSE, TRUE, "
				+ "'local', 'brqcounted', ?, ?)", UUID.randomUUID().toString(), now, now);
		long network = this.jdbc.queryForObject("SELECT id FROM networks WHERE name = 'counted'", Long.class);
		this.jdbc.update("INSERT INTO subnets (uuid, network_id, project_id, name, description, cidr, gateway_ip, "
				+ "enable_dhcp, dns_nameservers, created_at, updated_at) VALUES (?, ?, 'p1', 'counted', '', "
				+ "'10.9.0.0/24', '10.9.0.1', FALSE, '', ?, ?)", UUID.randomUUID().toString(), network, now, now);
		long subnet = this.jdbc.queryForObject("SELECT id FROM subnets WHERE name = 'counted'", Long.class);
		this.jdbc.update("INSERT INTO security_groups (uuid, project_id, name, description, created_at, updated_at) "
				+ "VALUES (?, 'p1', 'counted', '', ?, ?)", UUID.randomUUID().toString(), now, now);
		long group = this.jdbc.queryForObject("SELECT id FROM security_groups WHERE name = 'counted'", Long.class);
		for (int i = 1; i <= 100; i++) {
			this.jdbc.update("INSERT INTO ports (uuid, network_id, project_id, name, description, mac_address, "
					+ "device_id, device_owner, admin_state_up, created_at, updated_at) "
					+ "VALUES (?, ?, 'p1', ?, '', ?, '', '', TRUE, ?, ?)", UUID.randomUUID().toString(), network,
					"port-" + i, String.format("fa:16:3e:00:00:%02x", i), now, now);
			long port = this.jdbc.queryForObject("SELECT id FROM ports WHERE name = ?", Long.class, "port-" + i);
			this.jdbc.update("INSERT INTO fixed_ips (network_id, subnet_id, address, address_value, allocated, "
					+ "reserved, leased, port_id, updated_at) VALUES (?, ?, ?, ?, TRUE, FALSE, FALSE, ?, ?)", network,
					subnet, "10.9.0." + (i + 1), 0x0A090001L + i, port, now);
			this.jdbc.update("INSERT INTO port_security_groups (port_id, security_group_id) VALUES (?, ?)", port, group);
		}
	}

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aPageOfTenAndAPageOfAHundredCostTheSameStatements() {
		int ten = statementsForAPageOf(10);
		int hundred = statementsForAPageOf(100);

		assertThat(hundred).isEqualTo(ten);
	}

	@SuppressWarnings("unchecked")
	private int statementsForAPageOf(int limit) {
		LinkedMultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("limit", Integer.toString(limit));
		StatementCounter.Counted<Map<String, Object>> page = this.counter
			.counted(() -> this.ports.list(ADMIN, query));
		List<Map<String, Object>> shown = (List<Map<String, Object>>) page.result().get("ports");
		assertThat(shown).hasSize(limit).allSatisfy((port) -> {
			assertThat(port.get("network_id")).asString().hasSize(36);
			assertThat((List<Map<String, Object>>) port.get("fixed_ips")).singleElement()
				.satisfies((ip) -> assertThat(ip.get("subnet_id")).asString().hasSize(36));
			assertThat((List<String>) port.get("security_groups")).singleElement().asString().hasSize(36);
		});
		return page.statements();
	}

}
