package dev.novaboot.network.api;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpMethod;

import static dev.novaboot.network.api.ApiCalls.assertError;
import static dev.novaboot.network.api.ApiCalls.list;
import static dev.novaboot.network.api.ApiCalls.message;
import static dev.novaboot.network.api.ApiCalls.one;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v2.0/extensions}: what clients discover is exactly what works, described with
 * Neutron's aliases, names, descriptions and dates. (The context of {@link NetworkingApiTests}.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ExtensionsTests {

	@Autowired
	TestRestTemplate http;

	private ApiCalls api;

	@BeforeEach
	void client() {
		this.api = new ApiCalls(this.http);
	}

	@Test
	void everyCallerListsTheImplementedExtensionsInNeutronsShape() {
		for (String project : List.of("ext-member", "admin")) {
			List<Map<String, Object>> extensions = list(this.api.get(project, "/v2.0/extensions"), "extensions");
			assertThat(extensions).extracting((extension) -> extension.get("alias"))
				.containsExactlyInAnyOrder("external-net", "provider", "project-id", "standard-attr-description",
						"standard-attr-timestamp", "net-mtu", "pagination", "sorting", "security-group", "router",
						"ext-gw-mode", "extraroute", "quotas", "quota_details", "network-ip-availability")
				// not implemented (yet): a client must not be told otherwise
				.doesNotContain("quota-check-limit", "extraroute-atomic", "binding", "dvr", "l3-ha");
			assertThat(extensions).allSatisfy((extension) -> assertThat(extension.keySet())
				.containsExactlyInAnyOrder("alias", "name", "description", "updated", "links"));
		}
	}

	@Test
	void oneExtensionByItsAlias() {
		assertThat(one(this.api.get("ext-member", "/v2.0/extensions/external-net"), "extension"))
			.containsEntry("alias", "external-net")
			.containsEntry("name", "Neutron external network")
			.containsEntry("description", "Adds external network attribute to network resource.")
			.containsEntry("updated", "2013-01-14T10:00:00-00:00")
			.containsEntry("links", List.of());
		assertThat(one(this.api.get("ext-member", "/v2.0/extensions/standard-attr-timestamp"), "extension"))
			.containsEntry("name", "Resource timestamps")
			.containsEntry("updated", "2016-09-12T10:00:00-00:00");
		assertThat(one(this.api.get("ext-member", "/v2.0/extensions/router"), "extension"))
			.containsEntry("name", "Neutron L3 Router")
			.containsEntry("updated", "2012-07-20T10:00:00-00:00");
		assertThat(one(this.api.get("ext-member", "/v2.0/extensions/ext-gw-mode"), "extension"))
			.containsEntry("name", "Neutron L3 Configurable external gateway mode")
			.containsEntry("updated", "2013-03-28T10:00:00-00:00");
	}

	@Test
	void anUnknownAliasIsNotFoundInNeutronsShapeAndWords() {
		var response = this.api.get("ext-member", "/v2.0/extensions/dvr");
		assertError(response, 404, "HTTPNotFound");
		assertThat(message(response)).isEqualTo("Extension with alias dvr does not exist");
		assertError(this.api.get("ext-member", "/v2.0/extensions/" + "x".repeat(5000)), 404, "HTTPNotFound");
		assertThat(message(this.api.get("ext-member", "/v2.0/extensions/" + "x".repeat(5000)))).hasSizeLessThan(200);
	}

	@Test
	void extensionsAreReadOnly() {
		for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
			String path = method.equals(HttpMethod.POST) ? "/v2.0/extensions" : "/v2.0/extensions/net-mtu";
			var response = this.api.call("admin", method, path, method.equals(HttpMethod.DELETE) ? null : "{}");
			assertThat(response.getStatusCode().value()).as("%s %s", method, path).isEqualTo(405);
			assertThat(response.getBody()).containsKey("NeutronError");
		}
	}

	@Test
	void whatTheListedExtensionsPromiseIsInTheResources() {
		String network = this.api.network("admin", "\"name\": \"ext-promises\", \"description\": \"d\"");
		Map<String, Object> shown = one(this.api.get("admin", "/v2.0/networks/" + network), "network");
		// external-net, provider, project-id, standard-attr-description, standard-attr-timestamp, net-mtu
		assertThat(shown).containsKeys("router:external", "provider:network_type", "provider:physical_network",
				"provider:segmentation_id", "project_id", "description", "created_at", "updated_at", "mtu");
	}

}
