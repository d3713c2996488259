package dev.novaboot.service.rpc.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import dev.novaboot.service.web.ApiFaultShape;
import dev.novaboot.service.web.ApiFaults;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Serves {@link HttpRpcEndpoint#CALL} and {@link HttpRpcEndpoint#CAST} on the app's web
 * port beside Spring MVC's dispatcher, so that an RPC message costs no handler lookup,
 * argument resolution or message conversion. It is a servlet, not a filter: every filter
 * of the app (request id, body limit, the security firewall that refuses ambiguous
 * spellings) still runs before it. It is mapped to the two paths exactly, so the container
 * hands it only requests whose normalized, decoded path is one of them (any other path
 * under {@code /rpc/} stays the dispatcher's 404, as before), and the
 * {@link HttpRpcEndpoint} checks the signature against that path. Another method than
 * {@code POST} gets 405 in Keystone's fault shape, as from the dispatcher.
 */
public class HttpRpcServlet extends HttpServlet {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final transient Supplier<HttpRpcEndpoint> endpoints;

	private transient HttpRpcEndpoint endpoint;

	/**
	 * {@code endpoint} is asked for when the container initializes the servlet, not before:
	 * servlet registrations are made while the web server is created, before the context's
	 * other singletons (and before dynamic properties, such as a test's database URL, are
	 * registered), and the endpoint needs the managers, hence the database.
	 */
	public HttpRpcServlet(Supplier<HttpRpcEndpoint> endpoint) {
		this.endpoints = endpoint;
	}

	@Override
	public void init() {
		this.endpoint = this.endpoints.get();
	}

	/**
	 * The exact mappings: the container matches them against the decoded, normalized path
	 * (with a path mapping such as {@code /rpc/v1/*}, Spring's request path parsing fails
	 * on an encoded spelling of the prefix, such as {@code /%72pc/v1/call}).
	 */
	static String[] mappings() {
		return new String[] { HttpRpcEndpoint.CALL, HttpRpcEndpoint.CAST };
	}

	/** Whether the container routed {@code request} to this servlet. */
	static boolean serves(HttpServletRequest request) {
		if (request == null) {
			return false;
		}
		String path = request.getServletPath();
		return HttpRpcEndpoint.CALL.equals(path) || HttpRpcEndpoint.CAST.equals(path);
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!serves(request)) {
			fault(response, HttpStatus.NOT_FOUND, null);
			return;
		}
		String served = request.getServletPath();
		if (!"POST".equals(request.getMethod())) {
			response.setHeader("Allow", "POST");
			fault(response, HttpStatus.METHOD_NOT_ALLOWED, null);
			return;
		}
		byte[] body = body(request);
		String refusal = this.endpoint.unauthenticated(served, body, request.getHeader(RpcSigner.TIMESTAMP),
				request.getHeader(RpcSigner.NONCE), request.getHeader(RpcSigner.SIGNATURE), request.getRemoteAddr());
		if (refusal != null) {
			fault(response, HttpStatus.UNAUTHORIZED, "RPC message refused: " + refusal);
			return;
		}
		write(response, served.equals(HttpRpcEndpoint.CALL) ? this.endpoint.call(body) : this.endpoint.cast(body));
	}

	/** The body, bounded before it got here by the body limit filter. */
	private static byte[] body(HttpServletRequest request) throws IOException {
		InputStream in = request.getInputStream();
		long declared = request.getContentLengthLong();
		return (declared >= 0 && declared < Integer.MAX_VALUE) ? in.readNBytes((int) declared) : in.readAllBytes();
	}

	private static void write(HttpServletResponse response, ResponseEntity<byte[]> reply) throws IOException {
		response.setStatus(reply.getStatusCode().value());
		byte[] body = reply.getBody();
		if (body == null) {
			response.setContentLength(0);
			return;
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static void fault(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		byte[] json = JSON.writeValueAsBytes(ApiFaultShape.keystone()
			.body(status, (message != null) ? message : ApiFaults.defaultMessage(status)));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

}
