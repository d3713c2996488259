package dev.novaboot.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many clients at once, each sending one huge request body as fast as the server takes it,
 * with a declared length or chunked, and reading whatever the server answers meanwhile: the
 * test of a body limit that must hold before anything buffers the body.
 */
final class BodyFlood {

	private static final byte[] BLOCK = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

	private BodyFlood() {
	}

	/** What one client saw: the status the server answered with, or -1 if none arrived. */
	record Outcome(int status, String firstLine) {
	}

	/**
	 * Sends {@code clients} requests of {@code bytes} each to {@code target} on
	 * {@code port} at once and returns what each saw.
	 */
	static List<Outcome> send(int port, String target, String token, long bytes, boolean chunked, int clients)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients * 2);
		try {
			List<Future<Outcome>> outcomes = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				outcomes.add(pool.submit(() -> one(pool, port, target, token, bytes, chunked)));
			}
			List<Outcome> seen = new ArrayList<>();
			for (Future<Outcome> outcome : outcomes) {
				seen.add(outcome.get(2, TimeUnit.MINUTES));
			}
			return seen;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Outcome one(ExecutorService pool, int port, String target, String token, long bytes,
			boolean chunked) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			// the answer may come (and the connection go) long before the body is sent
			CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> firstLine(socket), pool);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/json\r\nConnection: close\r\n");
			if (token != null) {
				head.append("X-Auth-Token: ").append(token).append("\r\n");
			}
			head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bytes + "\r\n");
			out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			try {
				for (long sent = 0; sent < bytes && !answer.isDone(); sent += BLOCK.length) {
					if (chunked) {
						out.write((Integer.toHexString(BLOCK.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					}
					out.write(BLOCK);
					if (chunked) {
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
				}
				if (chunked) {
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.flush();
			}
			catch (IOException ex) {
				// the server stopped reading: what it answered is what counts
			}
			String line = answer.get(60, TimeUnit.SECONDS);
			String[] parts = line.split(" ");
			return new Outcome(parts.length > 1 && parts[0].startsWith("HTTP/") ? Integer.parseInt(parts[1]) : -1, line);
		}
	}

	private static String firstLine(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
				line.write(b);
			}
			return line.toString(StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			return "no answer: " + ex.getMessage();
		}
	}

}
