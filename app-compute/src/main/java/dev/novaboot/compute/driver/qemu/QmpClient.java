package dev.novaboot.compute.driver.qemu;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A QEMU Machine Protocol session over the guest's Unix domain socket: reads the
 * greeting, negotiates capabilities, then runs one command at a time. Every read has a
 * deadline, so a hung QEMU cannot hang the compute service. Events that QEMU sends
 * between replies are skipped.
 */
public final class QmpClient implements Closeable {

	private final SocketChannel channel;

	private final Selector selector;

	private final JsonMapper json;

	private final Duration timeout;

	private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

	private final ByteBuffer buffer = ByteBuffer.allocate(8192);

	private QmpClient(SocketChannel channel, Selector selector, JsonMapper json, Duration timeout) {
		this.channel = channel;
		this.selector = selector;
		this.json = json;
		this.timeout = timeout;
	}

	/** Connects and negotiates capabilities; the session is ready for commands. */
	public static QmpClient connect(Path socket, JsonMapper json, Duration timeout) throws IOException {
		SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
		Selector selector = null;
		try {
			channel.configureBlocking(false);
			selector = Selector.open();
			channel.register(selector, SelectionKey.OP_READ);
			QmpClient client = new QmpClient(channel, selector, json, timeout);
			JsonNode greeting = client.readMessage();
			if (!greeting.has("QMP")) {
				throw new QmpException("No QMP greeting on " + socket + ": " + greeting);
			}
			client.execute("qmp_capabilities", Map.of());
			return client;
		}
		catch (IOException | RuntimeException ex) {
			if (selector != null) {
				selector.close();
			}
			channel.close();
			throw ex;
		}
	}

	/**
	 * Runs a command and returns its {@code return} value.
	 * @throws QmpException with QEMU's error class and description when it fails
	 */
	public JsonNode execute(String command, Map<String, ?> arguments) throws IOException {
		Map<String, Object> message = arguments.isEmpty() ? Map.of("execute", command)
				: Map.of("execute", command, "arguments", arguments);
		ByteBuffer out = ByteBuffer.wrap((this.json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
		while (out.hasRemaining()) {
			this.channel.write(out);
		}
		while (true) {
			JsonNode reply = readMessage();
			if (reply.has("event")) {
				continue;
			}
			if (reply.has("error")) {
				JsonNode error = reply.get("error");
				throw new QmpException(command + " failed: " + error.path("class").asString() + ": "
						+ error.path("desc").asString());
			}
			return reply.get("return");
		}
	}

	private JsonNode readMessage() throws IOException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (true) {
			byte[] bytes = this.pending.toByteArray();
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					String line = new String(bytes, 0, i, StandardCharsets.UTF_8);
					this.pending.reset();
					this.pending.write(bytes, i + 1, bytes.length - i - 1);
					if (!line.isBlank()) {
						return this.json.readTree(line);
					}
					bytes = this.pending.toByteArray();
					i = -1;
				}
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new QmpException("No answer from QEMU within " + this.timeout);
			}
			this.selector.select(Math.max(1, left / 1_000_000));
			this.selector.selectedKeys().clear();
			this.buffer.clear();
			int read = this.channel.read(this.buffer);
			if (read < 0) {
				throw new QmpException("QEMU closed the QMP connection");
			}
			this.pending.write(this.buffer.array(), 0, read);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			this.selector.close();
		}
		finally {
			this.channel.close();
		}
	}

}
