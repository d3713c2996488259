package dev.novaboot.service.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcApi;
import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcMessage;
import dev.novaboot.service.rpc.http.HttpRpcEndpoint;
import tools.jackson.databind.JsonNode;

import static dev.novaboot.service.testsupport.FaultShapes.KEYSTONE;
import static dev.novaboot.service.testsupport.FaultShapes.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every app's edge must pass, on its real web server through a raw socket: no
 * spelling of the RPC paths reaches the dispatcher unsigned, no spelling of an admin path
 * gets past the policy without a token, and every kind of error has the API's fault shape.
 * An app's test runs them with its own paths, a destructive RPC message and its shape, and
 * then checks that nothing changed.
 */
public final class EdgeChecks {

	private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

	private final int port;

	private final FaultShapes shape;

	public EdgeChecks(int port, FaultShapes shape) {
		this.port = port;
		this.shape = shape;
	}

	/** An RPC message for {@code method} of contract {@code api} from an admin context. */
	public static byte[] rpcMessage(Class<?> api, String method, JsonNode... args) {
		return new RpcCodec().write(new RpcMessage(api.getName(), api.getAnnotation(RpcApi.class).version(), method,
				RpcMessage.Context.of(new RequestContext("req-edge", "attacker", "attacker", Set.of("admin"))),
				List.of(args)));
	}

	/**
	 * Posts {@code message} unsigned to every spelling of the call and cast paths (and to the
	 * paths themselves): each is refused with 400, 401 or 404 in a fault shape.
	 * @return how many requests were sent
	 */
	public int rpcRefusesEveryUnsignedSpelling(byte[] message) {
		int sent = 0;
		for (String path : List.of(HttpRpcEndpoint.CALL, HttpRpcEndpoint.CAST)) {
			List<String> spellings = new ArrayList<>(PathVariants.of(path));
			spellings.add(path);
			for (String spelling : spellings) {
				RawHttp.Response response = RawHttp.send(this.port, "POST", spelling, JSON, message);
				assertThat(response.status()).as("POST %s", spelling).isIn(400, 401, 404);
				assertFault(response, KEYSTONE, this.shape);
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Sends {@code method} without a token to every spelling of {@code path}: each is
	 * refused with 400, 401 or 404 in a fault shape, and no answer holds {@code secret}.
	 */
	public void policyRefusesEverySpellingWithoutAToken(String method, String path, String secret) {
		for (String spelling : PathVariants.of(path)) {
			RawHttp.Response response = RawHttp.send(this.port, method, spelling);
			assertThat(response.status()).as("%s %s", method, spelling).isIn(400, 401, 404);
			assertFault(response, KEYSTONE, this.shape, apiShape(path));
			assertThat(response.body()).as("%s %s", method, spelling).doesNotContain(secret);
		}
	}

	/**
	 * With a valid token: an unknown route (404), a method the collection does not have
	 * (405), a body that is not JSON (415), malformed JSON (400), a body over
	 * {@code maxBody} bytes (413) and a path the container cannot decode (400) are all
	 * answered in the API's fault shape.
	 */
	public void everyErrorHasTheFaultShape(String token, String collection, String missingMethod, long maxBody) {
		Map<String, String> auth = Map.of("X-Auth-Token", token);
		Map<String, String> authJson = Map.of("X-Auth-Token", token, "Content-Type", "application/json");
		expect(404, RawHttp.send(this.port, "GET", collection + "-no-such-route", auth, null));
		RawHttp.Response wrongMethod = RawHttp.send(this.port, missingMethod, collection, auth, null);
		expect(405, wrongMethod);
		assertThat(wrongMethod.header("Allow")).as("Allow header of a 405").isNotBlank();
		expect(415, RawHttp.send(this.port, "POST", collection,
				Map.of("X-Auth-Token", token, "Content-Type", "text/plain"), "x".getBytes()));
		expect(400, RawHttp.send(this.port, "POST", collection, authJson, "{\"unfinished\": ".getBytes()));
		byte[] large = ("{\"x\": \"" + "y".repeat((int) maxBody) + "\"}").getBytes(StandardCharsets.UTF_8);
		expect(413, RawHttp.send(this.port, "POST", collection, authJson, large));
		expect(400, RawHttp.send(this.port, "GET", collection + "/%ZZ", auth, null));
	}

	// Nova's and Cinder's APIs answer in their shape in every app (os-services)
	private FaultShapes apiShape(String path) {
		return (path.startsWith("/v2.1/") || path.startsWith("/v3/")) ? FaultShapes.OPENSTACK : this.shape;
	}

	private void expect(int status, RawHttp.Response response) {
		assertThat(response.status()).as("status, body %s", response.body()).isEqualTo(status);
		assertFault(response, this.shape);
		assertThat(response.body()).doesNotContain("<html", "timestamp", "Exception");
	}

}
