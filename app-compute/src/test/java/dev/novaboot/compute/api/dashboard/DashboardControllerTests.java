package dev.novaboot.compute.api.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.service.ServiceProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's controllers with the suite's APIs stubbed: what each page shows of the
 * APIs' answers, what it asks of them, and what it refuses before asking.
 */
@WebMvcTest(controllers = { LoginPage.class, ServicesPage.class, HypervisorsPage.class,
		ServersPage.class, VolumesPage.class, NetworksPage.class, ActivityPage.class })
@Import({ DashboardSecurityConfiguration.class, DashboardAdvice.class, DashboardResources.class,
		DashboardControllerTests.Properties.class })
class DashboardControllerTests {

	static final String SERVICE = "6f9c0d55-2a38-4c9a-bd2b-8e0f2b3b1a11";

	static final String SERVER = "0b5e2d2c-4f3a-4a7e-9f61-3a2b1c0d9e88";

	static final DashboardUser ADMIN = new DashboardUser("admin", "p-admin", "admin", List.of("admin"), "secret-token",
			Instant.now().plusSeconds(3600), Map.of("compute", "http://c/v2.1"));

	static final DashboardUser ALICE = new DashboardUser("alice", "p-a", "project-a", List.of("member"), "alice-token",
			Instant.now().plusSeconds(3600), Map.of("compute", "http://c/v2.1"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CloudApi cloud;

	static RequestPostProcessor as(DashboardUser user) {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		for (String page : List.of("/dashboard", "/dashboard/services", "/dashboard/servers", "/dashboard/activity")) {
			this.mvc.perform(get(page)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/dashboard/login"));
		}
		this.mvc.perform(get("/dashboard/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")))
			.andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.startsWith("default-src 'self'")));
		// the bundled script and stylesheet, for the login page too; nothing else of the classpath
		this.mvc.perform(get("/dashboard/static/refresh.js")).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("data-refresh")));
		this.mvc.perform(get("/dashboard/static/dashboard.css")).andExpect(status().isOk());
		this.mvc.perform(get("/dashboard/static/../templates/dashboard/login.html")).andExpect(status().is4xxClientError());
		verifyNoInteractions(this.cloud);
	}

	@Test
	void loggingInKeepsTheTokenInTheSessionAndNeverSendsItToTheBrowser() throws Exception {
		given(this.cloud.login("admin", "pw", "admin")).willReturn(ADMIN);
		MvcResult login = this.mvc
			.perform(post("/dashboard/login").with(csrf()).param("user", "admin").param("password", "pw").param("project", "admin"))
			.andExpect(redirectedUrl("/dashboard/services"))
			.andReturn();
		assertThat(login.getResponse().getContentAsString()).doesNotContain("secret-token");
		assertThat(login.getResponse().getHeaders("Set-Cookie")).noneMatch((cookie) -> cookie.contains("secret-token"));
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
		given(this.cloud.services(ADMIN)).willReturn(List.of());
		String page = this.mvc.perform(get("/dashboard/services").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Logged in as").doesNotContain("secret-token");
	}

	@Test
	void aRefusedLoginIsA401PageAndABlankOrHugeFieldChangesNothing() throws Exception {
		given(this.cloud.login("admin", "wrong", "admin")).willThrow(new CloudApiException(401, "The request you have made requires authentication."));
		this.mvc.perform(post("/dashboard/login").with(csrf()).param("user", "admin").param("password", "wrong").param("project", "admin"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("wrong")));
		this.mvc.perform(post("/dashboard/login").with(csrf()).param("user", "").param("password", "pw").param("project", "admin"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/dashboard/login").with(csrf()).param("user", "u".repeat(256)).param("password", "pw").param("project", "admin"))
			.andExpect(status().isBadRequest());
		verify(this.cloud, never()).login(eq(""), any(), any());
	}

	@Test
	void aLoginOrAnAdminButtonWithoutTheCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/dashboard/login").param("user", "admin").param("password", "pw").param("project", "admin"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/dashboard/services/" + SERVICE + "/disable").with(as(ADMIN)).param("reason", "x"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.cloud);
	}

	@Test
	void servicesShowStateHeartbeatAndReasonInWords() throws Exception {
		String recent = LocalDateTime.ofInstant(Instant.now().minusSeconds(5), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
		String old = LocalDateTime.ofInstant(Instant.now().minusSeconds(600), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
		given(this.cloud.services(ADMIN)).willReturn(List.of(
				Map.of("id", SERVICE, "host", "h1", "binary", "nova-compute", "zone", "nova", "state", "up", "status",
						"enabled", "forced_down", false, "updated_at", recent),
				Map.of("id", "7f9c0d55-2a38-4c9a-bd2b-8e0f2b3b1a11", "host", "h2", "binary", "nova-volume", "zone",
						"nova", "state", "down", "status", "disabled", "disabled_reason", "maintenance", "forced_down",
						true, "updated_at", old)));
		String page = this.mvc.perform(get("/dashboard/services").with(as(ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2</span> services, <span>1</span> down")
			.contains("maintenance")
			.contains("(down after 60 s)")
			.contains("max=\"60\"")
			.contains("Disable")
			.contains("Unset forced down");
	}

	@Test
	void adminButtonsCallTheServicesApiWithNovasBodies() throws Exception {
		this.mvc.perform(post("/dashboard/services/" + SERVICE + "/disable").with(as(ADMIN)).with(csrf()).param("reason", " maintenance "))
			.andExpect(redirectedUrl("/dashboard/services"));
		verify(this.cloud).updateService(ADMIN, SERVICE, Map.of("status", "disabled", "disabled_reason", "maintenance"));
		this.mvc.perform(post("/dashboard/services/" + SERVICE + "/enable").with(as(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/services"));
		verify(this.cloud).updateService(ADMIN, SERVICE, Map.of("status", "enabled"));
		this.mvc.perform(post("/dashboard/services/" + SERVICE + "/force-down").with(as(ADMIN)).with(csrf()).param("down", "true"))
			.andExpect(redirectedUrl("/dashboard/services"));
		verify(this.cloud).updateService(ADMIN, SERVICE, Map.of("forced_down", true));
	}

	@Test
	void badIdsAndReasonsAreRefusedBeforeAnyApiCall() throws Exception {
		this.mvc.perform(post("/dashboard/services/not-a-uuid/disable").with(as(ADMIN)).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/dashboard/services/" + SERVICE + "/disable").with(as(ADMIN)).with(csrf()).param("reason", "r".repeat(256)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/dashboard/servers/..%2f..%2fos-services").with(as(ADMIN))).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/dashboard/servers").with(as(ADMIN)).param("limit", "0")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/dashboard/servers").with(as(ADMIN)).param("limit", "abc")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/dashboard/servers").with(as(ADMIN)).param("marker", "x';drop")).andExpect(status().isBadRequest());
		this.mvc.perform(get("/dashboard/volumes").with(as(ADMIN)).param("name", "n".repeat(300))).andExpect(status().isBadRequest());
		verifyNoInteractions(this.cloud);
	}

	@Test
	void theApisRefusalIsShownWithItsStatusAndAnExpiredTokenEndsTheSession() throws Exception {
		given(this.cloud.services(ALICE)).willThrow(new CloudApiException(403, "Policy doesn't allow os_compute_api:os-services:list to be performed."));
		this.mvc.perform(get("/dashboard/services").with(as(ALICE)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Policy doesn")));
		given(this.cloud.hypervisors(ALICE)).willThrow(new CloudApiException(401, "expired"));
		this.mvc.perform(get("/dashboard/hypervisors").with(as(ALICE))).andExpect(redirectedUrl("/dashboard/login?expired"));
	}

	@Test
	void aMemberListsServersOfItsProjectOnlyAnAdminAsksForAllProjects() throws Exception {
		given(this.cloud.servers(eq(ALICE), anyMap())).willReturn(Map.of("servers", List.of(Map.of("id", SERVER,
				"name", "vm-a", "status", "ACTIVE", "addresses", Map.of("private", List.of(Map.of("addr", "10.0.0.3")))))));
		String page = this.mvc.perform(get("/dashboard/servers").with(as(ALICE)).param("host", "h1").param("status", "ACTIVE"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("vm-a").contains("private: 10.0.0.3");
		// a member's host filter is not passed on (Nova's admin-only filter); no all_tenants
		verify(this.cloud).servers(ALICE, Map.of("status", "ACTIVE", "limit", "20"));

		given(this.cloud.servers(eq(ADMIN), anyMap())).willReturn(Map.of("servers", List.of()));
		this.mvc.perform(get("/dashboard/servers").with(as(ADMIN)).param("host", "h1").param("limit", "5")
			.param("marker", SERVER)).andExpect(status().isOk());
		verify(this.cloud).servers(ADMIN, Map.of("host", "h1", "limit", "5", "marker", SERVER, "all_tenants", "1"));
	}

	@Test
	void aServersPageShowsItsConsoleOutputAndActions() throws Exception {
		given(this.cloud.server(ADMIN, SERVER)).willReturn(Map.of("id", SERVER, "name", "vm-a", "status", "ACTIVE"));
		given(this.cloud.instanceActions(ADMIN, SERVER)).willReturn(List.of(Map.of("action", "create", "request_id", "req-1")));
		given(this.cloud.consoleOutput(ADMIN, SERVER, 50)).willReturn("login: <script>");
		String page = this.mvc.perform(get("/dashboard/servers/" + SERVER).with(as(ADMIN)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("login: &lt;script&gt;").contains("req-1").doesNotContain("<script>");
	}

	@Test
	void networksShowIpUsagePerSubnetForAdmins() throws Exception {
		String network = "1b5e2d2c-4f3a-4a7e-9f61-3a2b1c0d9e88";
		given(this.cloud.networks(eq(ADMIN), anyMap())).willReturn(Map.of("networks", List.of(Map.of("id", network, "name", "private"))));
		given(this.cloud.ipAvailabilities(ADMIN)).willReturn(List.of(Map.of("network_id", network, "subnet_ip_availability",
				List.of(Map.of("subnet_name", "private-subnet", "cidr", "10.0.0.0/24", "used_ips", 3, "total_ips", 253)))));
		assertThat(this.mvc.perform(get("/dashboard/networks").with(as(ADMIN))).andReturn().getResponse().getContentAsString())
			.contains("3 of 253 addresses used (1%)");
		given(this.cloud.networks(eq(ALICE), anyMap())).willReturn(Map.of("networks", List.of()));
		assertThat(this.mvc.perform(get("/dashboard/networks").with(as(ALICE))).andReturn().getResponse().getContentAsString())
			.contains("IP usage is shown to admins only");
		verify(this.cloud, never()).ipAvailabilities(ALICE);
	}

	@Test
	void hypervisorsShowBarsWithWordsAndTheCloudTotal() throws Exception {
		given(this.cloud.hypervisors(ADMIN)).willReturn(List.of(Map.of("hypervisor_hostname", "h1", "state", "up",
				"status", "enabled", "vcpus", 8, "vcpus_used", 2, "memory_mb", 4096, "memory_mb_used", 1024, "local_gb", 100,
				"local_gb_used", 10, "running_vms", 2)));
		given(this.cloud.hypervisorStatistics(ADMIN)).willReturn(Map.of("count", 1, "vcpus", 8, "vcpus_used", 2,
				"memory_mb", 4096, "memory_mb_used", 1024, "local_gb", 100, "local_gb_used", 10, "running_vms", 2));
		assertThat(this.mvc.perform(get("/dashboard/hypervisors").with(as(ADMIN))).andReturn().getResponse().getContentAsString())
			.contains("2 of 8 vCPUs used (25%)")
			.contains("1024 of 4096 MiB used (25%)")
			.contains("Allocation ratios");
	}

	@Test
	void activityShowsActionsAndFailures() throws Exception {
		given(this.cloud.servers(eq(ADMIN), any())).willReturn(Map.of("servers", List.of(Map.of("id", SERVER, "name", "vm-a",
				"fault", Map.of("message", "No valid host was found.")))));
		given(this.cloud.instanceActions(ADMIN, SERVER)).willReturn(List.of(Map.of("action", "create", "start_time",
				"2026-12-01T10:00:00.000000", "request_id", "req-9", "message", "Error")));
		given(this.cloud.volumeMessages(ADMIN)).willReturn(List.of(Map.of("user_message", "create volume:schedule allocate volume:Could not find any available weighted backend.")));
		assertThat(this.mvc.perform(get("/dashboard/activity").with(as(ADMIN))).andReturn().getResponse().getContentAsString())
			.contains("No valid host was found.")
			.contains("req-9")
			.contains("Could not find any available weighted backend.");
	}

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ComputeProperties.class)
	static class Properties {

		@Bean
		ServiceProperties serviceProperties() {
			return new ServiceProperties("nova-compute", "compute", "nova", Duration.ofSeconds(10), Duration.ofSeconds(60));
		}

	}

}
