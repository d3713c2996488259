package dev.novaboot.service;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.novaboot.sample.SampleServiceApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keep-alive connection outlives Tomcat's default of 100 requests: RPC over http and API
 * clients reuse one connection for 1,000 requests before the server closes it (the suite's
 * {@code server.tomcat.max-keep-alive-requests}).
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class KeepAliveTests {

	@LocalServerPort
	int port;

	@Test
	void oneConnectionServesAThousandRequestsAndIsClosedAfterTheThousandth() throws IOException {
		List<String> closedAt = new ArrayList<>();
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			for (int request = 1; request <= 1000; request++) {
				out.write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				List<String> headers = readResponse(in);
				assertThat(headers.get(0)).as("status line of request %d", request).startsWith("HTTP/1.1 200");
				if (headers.stream().anyMatch((header) -> header.equalsIgnoreCase("Connection: close"))) {
					closedAt.add(String.valueOf(request));
				}
			}
		}
		assertThat(closedAt).containsExactly("1000");
	}

	/** The status line and headers; the body (chunked or with a length) is read and dropped. */
	private static List<String> readResponse(InputStream in) throws IOException {
		List<String> headers = new ArrayList<>();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			headers.add(line);
		}
		String length = header(headers, "content-length");
		if (length != null) {
			in.readNBytes(Integer.parseInt(length));
		}
		else if ("chunked".equalsIgnoreCase(header(headers, "transfer-encoding"))) {
			for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0; size = Integer
				.parseInt(readLine(in).trim(), 16)) {
				in.readNBytes(size);
				readLine(in);
			}
			readLine(in);
		}
		return headers;
	}

	private static String header(List<String> headers, String name) {
		return headers.stream()
			.filter((header) -> header.toLowerCase(Locale.ROOT).startsWith(name + ":"))
			.map((header) -> header.substring(name.length() + 1).trim())
			.findFirst()
			.orElse(null);
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new IOException("connection closed by the server");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}
