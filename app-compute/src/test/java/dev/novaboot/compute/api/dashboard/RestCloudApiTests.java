package dev.novaboot.compute.api.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The dashboard's HTTP client of the suite's APIs: Keystone's login, the catalog's URLs,
 * the user's token and the microversion on the right calls, and an API's refusal.
 */
class RestCloudApiTests {

	private final RestClient.Builder builder = RestClient.builder();

	private final MockRestServiceServer server = MockRestServiceServer.bindTo(this.builder).build();

	private final RestCloudApi cloud;

	RestCloudApiTests() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("builder", this.builder));
		this.cloud = new RestCloudApi(beans.getBeanProvider(RestClient.Builder.class), JsonMapper.builder().build(),
				new MockEnvironment().withProperty("local.server.port", "8774"));
	}

	@Test
	void logsInWithKeystonesPasswordFlowAndKeepsTheTokenAndCatalog() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Subject-Token", "the-token");
		this.server.expect(requestTo("http://127.0.0.1:8774/identity/v3/auth/tokens"))
			.andExpect(method(HttpMethod.POST))
			.andExpect(content().json("""
					{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "alice",
					 "domain": {"name": "Default"}, "password": "pw"}}},
					 "scope": {"project": {"name": "demo", "domain": {"name": "Default"}}}}}"""))
			.andRespond(withStatus(HttpStatus.CREATED).headers(headers).contentType(MediaType.APPLICATION_JSON).body("""
					{"token": {"user": {"name": "alice"}, "project": {"id": "p1", "name": "demo"},
					 "roles": [{"name": "member"}], "expires_at": "2026-12-01T16:00:00.000000Z",
					 "catalog": [{"type": "compute", "endpoints": [{"interface": "public", "url": "http://c:8774/v2.1"}]},
					             {"type": "volumev3", "endpoints": [{"interface": "public", "url": "http://v:8776/v3/p1"}]}]}}"""));
		DashboardUser user = this.cloud.login("alice", "pw", "demo");
		assertThat(user.token()).isEqualTo("the-token");
		assertThat(user.roles()).containsExactly("member");
		assertThat(user.projectId()).isEqualTo("p1");
		assertThat(user.endpoints()).containsEntry("compute", "http://c:8774/v2.1")
			.containsEntry("volumev3", "http://v:8776/v3/p1");
		assertThat(user.expiresAt()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
		assertThat(user.toString()).doesNotContain("the-token");
	}

	@Test
	void callsEachApiAtItsCatalogUrlWithTheTokenAndOnlyComputeWithAMicroversion() {
		DashboardUser user = new DashboardUser("alice", "p1", "demo", List.of("member"), "the-token", Instant.now(),
				Map.of("compute", "http://c:8774/v2.1", "volumev3", "http://v:8776/v3/p1"));
		this.server.expect(requestTo("http://c:8774/v2.1/servers/detail?limit=5&name=a%20b"))
			.andExpect(header("X-Auth-Token", "the-token"))
			.andExpect(header("OpenStack-API-Version", "compute 2.53"))
			.andRespond(withSuccess("{\"servers\": []}", MediaType.APPLICATION_JSON));
		this.server.expect(requestTo("http://v:8776/v3/p1/volumes/detail?limit=20"))
			.andExpect(header("X-Auth-Token", "the-token"))
			.andExpect(headerDoesNotExist("OpenStack-API-Version"))
			.andRespond(withSuccess("{\"volumes\": [{\"id\": \"v1\"}]}", MediaType.APPLICATION_JSON));
		assertThat(this.cloud.servers(user, new java.util.LinkedHashMap<>(Map.of("limit", "5")) {
			{
				put("name", "a b");
			}
		})).containsEntry("servers", List.of());
		assertThat(this.cloud.volumes(user, Map.of("limit", "20"))).containsKey("volumes");
		this.server.verify();
	}

	@Test
	void anApisRefusalComesBackWithItsStatusAndMessage() {
		DashboardUser user = new DashboardUser("alice", "p1", "demo", List.of("member"), "t", Instant.now(),
				Map.of("compute", "http://c:8774/v2.1"));
		this.server.expect(requestTo("http://c:8774/v2.1/os-services"))
			.andRespond(withStatus(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
				.body("{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow it.\"}}"));
		assertThatExceptionOfType(CloudApiException.class).isThrownBy(() -> this.cloud.services(user))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(403);
				assertThat(ex.getMessage()).isEqualTo("Policy doesn't allow it.");
			});
		// a service missing from the catalog is a 503, without a call
		assertThatExceptionOfType(CloudApiException.class).isThrownBy(() -> this.cloud.networks(user, Map.of()))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(503));
	}

}
