package dev.novaboot.compute.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the Networking and Block Storage APIs where a compute test runs without
 * them, so that Nova's proxy routes reach a sibling: every list is empty, anything else is
 * the sibling's 404 in its fault shape.
 */
final class SiblingApiStub implements AutoCloseable {

	private final HttpServer server;

	private SiblingApiStub(HttpServer server) {
		this.server = server;
	}

	static SiblingApiStub start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", SiblingApiStub::answer);
			server.start();
			return new SiblingApiStub(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The catalog URL of the Block Storage API here. */
	String volumeUrl() {
		return base() + "/v3/{project_id}";
	}

	/** The catalog URL of the Networking API here. */
	String networkUrl() {
		return base();
	}

	private String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		boolean get = "GET".equals(exchange.getRequestMethod());
		if (get && path.endsWith("/volumes/detail")) {
			send(exchange, 200, "{\"volumes\": []}");
		}
		else if (get && path.equals("/v2.0/security-groups")) {
			send(exchange, 200, "{\"security_groups\": []}");
		}
		else if (get && path.equals("/v2.0/ports")) {
			send(exchange, 200, "{\"ports\": []}");
		}
		else {
			send(exchange, 404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Not found here.\"}}");
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
