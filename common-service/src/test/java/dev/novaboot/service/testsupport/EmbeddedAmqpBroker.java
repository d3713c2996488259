package dev.novaboot.service.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.qpid.server.SystemLauncher;

import org.springframework.util.FileSystemUtils;

/**
 * A real AMQP 0-9-1 broker inside the test JVM: Apache Qpid Broker-J with an in-memory
 * store, on a free port, user {@code guest}/{@code guest}. RabbitMQ clients (Spring AMQP)
 * talk to it as to RabbitMQ, except for RabbitMQ's extensions such as direct reply-to.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

	private static final String CONFIGURATION = """
			{
			  "name": "nova-test-broker",
			  "modelVersion": "9.0",
			  "authenticationproviders": [{
			    "name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
			    "users": [{ "name": "guest", "password": "guest", "type": "managed" }]
			  }],
			  "ports": [{
			    "name": "AMQP", "port": "${qpid.amqp_port}", "authenticationProvider": "plain",
			    "protocols": ["AMQP_0_9_1"],
			    "virtualhostaliases": [
			      { "name": "nameAlias", "type": "nameAlias" },
			      { "name": "defaultAlias", "type": "defaultAlias" }
			    ]
			  }],
			  "virtualhostnodes": [{
			    "name": "default", "type": "Memory", "defaultVirtualHostNode": "true",
			    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
			  }]
			}
			""";

	private final SystemLauncher launcher = new SystemLauncher();

	private final Path workDir;

	private final int port;

	private EmbeddedAmqpBroker(Path workDir, int port) {
		this.workDir = workDir;
		this.port = port;
	}

	/** Starts a broker on a free port; the caller closes it. */
	public static EmbeddedAmqpBroker start() {
		try {
			return start(freePort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a broker on {@code port}: after {@link #close()}, a broker that comes back
	 * where its clients look for it, empty (its store is in memory).
	 */
	public static EmbeddedAmqpBroker start(int port) {
		try {
			Path workDir = Files.createTempDirectory("qpid");
			Path configuration = workDir.resolve("config.json");
			Files.writeString(configuration, CONFIGURATION);
			EmbeddedAmqpBroker broker = new EmbeddedAmqpBroker(workDir, port);
			Map<String, Object> attributes = new HashMap<>();
			attributes.put("type", "Memory");
			attributes.put("initialConfigurationLocation", configuration.toUri().toString());
			attributes.put("startupLoggedToSystemOut", false);
			attributes.put("context", Map.of("qpid.amqp_port", Integer.toString(broker.port), "qpid.work_dir",
					workDir.toString(), "qpid.home_dir", workDir.toString()));
			broker.launcher.startup(attributes);
			return broker;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the embedded AMQP broker", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() {
		this.launcher.shutdown();
		try {
			FileSystemUtils.deleteRecursively(this.workDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
