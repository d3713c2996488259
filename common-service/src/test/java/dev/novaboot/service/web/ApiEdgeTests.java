package dev.novaboot.service.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.novaboot.sample.SampleRpcApi;
import dev.novaboot.service.rpc.http.HttpRpcEndpoint;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.EdgeChecks;
import dev.novaboot.service.testsupport.RawHttp;
import dev.novaboot.service.testsupport.SampleHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.novaboot.service.testsupport.FaultShapes.KEYSTONE;
import static dev.novaboot.service.testsupport.FaultShapes.OPENSTACK;
import static dev.novaboot.service.testsupport.FaultShapes.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every app's edge does before and around its API, on a real web server reached over
 * a raw socket: no spelling of the RPC path reaches the dispatcher unsigned, no spelling of
 * an admin path gets past the policy, bodies are bounded before anything reads them, and
 * every error, wherever it arises, has an OpenStack fault shape.
 */
class ApiEdgeTests {

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	static SampleHosts hosts;

	static ConfigurableApplicationContext host;

	static int port;

	@BeforeAll
	static void start() {
		hosts = new SampleHosts("api-edge", "--nova.api.max-body-size=64KB", "--nova.rpc.http.max-message-size=256KB");
		host = hosts.start("edge-host");
		port = ((WebServerApplicationContext) host).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		hosts.close();
	}

	@Test
	void noSpellingOfTheRpcPathsReachesTheDispatcherWithoutASignature() {
		checks().rpcRefusesEveryUnsignedSpelling(noteMessage("unsigned"));
		assertThat(SampleHosts.manager(host).notes()).doesNotContain("unsigned");
	}

	@Test
	void noSpellingOfAnAdminPathGetsPastThePolicyWithoutAToken() {
		checks().policyRefusesEverySpellingWithoutAToken("GET", "/v2.1/os-services", "nova-sample");
	}

	@Test
	void everyKindOfErrorHasTheFaultShape() {
		checks().everyErrorHasTheFaultShape(adminToken(), "/v2.1/samples", "DELETE", 64 * 1024);
	}

	@Test
	void anUnexpectedExceptionIsAComputeFaultThatShowsNothingOfIt() {
		RawHttp.Response response = RawHttp.send(port, "GET", "/v2.1/samples/x/explode",
				Map.of("X-Auth-Token", adminToken()), null);
		assertThat(response.status()).isEqualTo(500);
		assertFault(response, OPENSTACK);
		assertThat(response.body()).contains("computeFault").doesNotContain("secret internal detail", "Exception");
	}

	@Test
	void aPathTheContainerCannotDecodeIsABadRequestFaultNotAnHtmlPage() {
		for (String target : List.of("/v2.1/%ZZ", "/v2.1/samples%", "/v2.1/%C0%AF", "/v2.1/samples%2F..%2F")) {
			RawHttp.Response response = RawHttp.send(port, "GET", target);
			assertThat(response.status()).as("GET %s", target).isEqualTo(400);
			assertFault(response, OPENSTACK, KEYSTONE);
			assertThat(response.body()).doesNotContain("<html", "Tomcat");
		}
	}

	@Test
	void identityErrorsHaveKeystonesShape() {
		RawHttp.Response unknown = RawHttp.send(port, "GET", "/identity/v3/no-such-thing");
		assertThat(unknown.status()).isIn(401, 404);
		assertFault(unknown, KEYSTONE);
		RawHttp.Response malformed = RawHttp.send(port, "POST", "/identity/v3/auth/tokens", JSON, "{".getBytes());
		assertThat(malformed.status()).isEqualTo(400);
		assertFault(malformed, KEYSTONE);
	}

	@Test
	void aBodyOverTheApiLimitIsRefusedBeforeAnyoneReadsIt() {
		byte[] large = ("{\"auth\": \"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		RawHttp.Response login = RawHttp.send(port, "POST", "/identity/v3/auth/tokens", JSON, large);
		assertThat(login.status()).isEqualTo(413);
		assertFault(login, KEYSTONE);
		RawHttp.Response create = RawHttp.send(port, "POST", "/v2.1/samples",
				Map.of("X-Auth-Token", adminToken(), "Content-Type", "application/json"), large);
		assertThat(create.status()).isEqualTo(413);
		assertFault(create, OPENSTACK);
		assertThat(create.body()).contains("overLimit").contains("65536 bytes");
	}

	@Test
	void aChunkedBodyIsReadNoFurtherThanTheLimit() {
		byte[] chunked = chunked(("{\"sample\": {\"name\": \"" + "x".repeat(70 * 1024) + "\"}}").getBytes());
		RawHttp.Response response = RawHttp.send(port, "POST", "/v2.1/samples",
				Map.of("X-Auth-Token", adminToken(), "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
				chunked);
		assertThat(response.status()).isEqualTo(413);
		assertFault(response, OPENSTACK);
		byte[] small = chunked("{\"sample\": {\"name\": \"small\"}}".getBytes());
		RawHttp.Response accepted = RawHttp.send(port, "POST", "/v2.1/samples",
				Map.of("X-Auth-Token", adminToken(), "Content-Type", "application/json", "Transfer-Encoding", "chunked"),
				small);
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(accepted.body()).contains("\"small\"");
	}

	@Test
	void theRpcPathsTakeOnlyPostAndOtherRpcPathsAreNotFoundInKeystonesShape() {
		for (String path : List.of(HttpRpcEndpoint.CALL, HttpRpcEndpoint.CAST)) {
			for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
				RawHttp.Response response = RawHttp.send(port, method, path, JSON, noteMessage("wrong method"));
				assertThat(response.status()).as("%s %s", method, path).isEqualTo(405);
				assertThat(response.header("Allow")).isEqualTo("POST");
				assertFault(response, KEYSTONE);
			}
		}
		for (String path : List.of("/rpc/v1", "/rpc/v1/", "/rpc/v1/fanout", "/rpc/v2/call", "/rpc/v1/call/x")) {
			RawHttp.Response response = RawHttp.send(port, "POST", path, JSON, noteMessage("elsewhere"));
			assertThat(response.status()).as("POST %s", path).isEqualTo(404);
			assertFault(response, KEYSTONE);
		}
		assertThat(SampleHosts.manager(host).notes()).doesNotContain("wrong method", "elsewhere");
	}

	@Test
	void theRpcEndpointHasItsOwnLargerLimit() {
		byte[] between = noteMessage("x".repeat(100 * 1024));
		assertThat(RawHttp.send(port, "POST", HttpRpcEndpoint.CALL, JSON, between).status()).as("unsigned, within")
			.isEqualTo(401);
		RawHttp.Response over = RawHttp.send(port, "POST", "/%72pc/v1/call", JSON, noteMessage("x".repeat(300 * 1024)));
		assertThat(over.status()).isEqualTo(413);
		assertFault(over, KEYSTONE);
	}

	private static EdgeChecks checks() {
		return new EdgeChecks(port, OPENSTACK);
	}

	private static String adminToken() {
		RawHttp.Response response = RawHttp.send(port, "POST", "/identity/v3/auth/tokens", JSON,
				AuthTestSupport.passwordAuth("admin", AuthTestSupport.ADMIN_PASSWORD, "admin").getBytes());
		assertThat(response.status()).isEqualTo(201);
		return response.header("X-Subject-Token");
	}

	private static byte[] noteMessage(String note) {
		return EdgeChecks.rpcMessage(SampleRpcApi.class, "note", JsonNodeFactory.instance.stringNode(note));
	}

	private static byte[] chunked(byte[] body) {
		StringBuilder out = new StringBuilder();
		for (int offset = 0; offset < body.length; offset += 8192) {
			int size = Math.min(8192, body.length - offset);
			out.append(Integer.toHexString(size)).append("\r\n")
				.append(new String(body, offset, size, StandardCharsets.ISO_8859_1)).append("\r\n");
		}
		return out.append("0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
	}

}
