package dev.novaboot.service.client;

import java.time.Duration;
import java.util.List;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.OpenStackClients;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.model.compute.ext.Service;
import org.openstack4j.model.identity.v3.Token;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * openstack4j, an OpenStack SDK nobody here wrote, against the running app: Keystone v3
 * password login, then the compute API found through the token's catalog. The sample app
 * stands in for nova-compute: a fresh {@code nova-compute} row points the catalog at it.
 * Subsystems extend this with their own resources (see docs/auth.md).
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class OpenStackClientTests {

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	ServiceRows rows;

	ServiceRecord compute;

	@BeforeEach
	void computeIsThisApp() {
		this.rows = new ServiceRows(this.repository, this.clock, this.jdbc);
		this.compute = this.rows.service("sdk-compute", "nova-compute", "compute", Duration.ZERO);
		this.rows.set(this.compute, "rpc_endpoint", "http://127.0.0.1:" + this.port);
	}

	@AfterEach
	void removeTheRow() {
		this.rows.set(this.compute, "deleted", this.compute.getId());
	}

	@Test
	void logsInWithTheV3PasswordFlow() {
		OSClientV3 os = OpenStackClients.admin(this.port);
		Token token = os.getToken();
		assertThat(token.getUser().getName()).isEqualTo("admin");
		assertThat(token.getProject().getName()).isEqualTo("admin");
		assertThat(token.getRoles()).extracting((role) -> role.getName()).containsExactly("admin");
		assertThat(token.getExpires()).isInTheFuture();
		assertThat(token.getCatalog()).extracting((service) -> service.getType()).contains("compute", "identity");
	}

	@Test
	void listsTheServicesOfTheSuite() {
		List<? extends Service> services = OpenStackClients.admin(this.port).compute().services().list();
		assertThat(services).extracting(Service::getBinary).contains("nova-sample", "nova-compute");
		assertThat(services).filteredOn((service) -> "sdk-compute".equals(service.getHost()))
			.singleElement()
			.satisfies((service) -> {
				assertThat(service.getState()).isEqualTo(Service.State.UP);
				assertThat(service.getStatus()).isEqualTo(Service.Status.ENABLED);
				// openstack4j asks for no microversion: 2.1, whose ids are the database's
				assertThat(service.getId()).isEqualTo(this.compute.getId().toString());
			});
	}

	@Test
	void aMemberIsRefusedTheAdminOnlyServiceList() {
		String name = "sdk-member-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		AuthTestSupport.createUser(this.http, name, "sdk-secret", "member", "sdk-project");
		OSClientV3 member = OpenStackClients.login(this.port, name, "sdk-secret", "sdk-project");
		assertThat(member.getToken().getRoles()).extracting((role) -> role.getName()).containsExactly("member");
		assertThatExceptionOfType(ClientResponseException.class).isThrownBy(() -> member.compute().services().list())
			.withMessageContaining("needs the admin role")
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(403));
	}

	@Test
	void aWrongPasswordFailsToAuthenticate() {
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> OpenStackClients.login(this.port, "admin", "wrong", "admin"));
	}

}
