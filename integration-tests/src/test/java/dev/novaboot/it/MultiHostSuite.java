package dev.novaboot.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The suite spread over hosts as an operator lays it out (docs/deployment.md): a
 * {@code controller} host runs nova-network and nova-volume, each {@code compute-N} host
 * runs nova-compute; every host is a network namespace ({@link HostNetwork}) and every app
 * a real process in it, on the machine's PostgreSQL server (a fresh database per run) and,
 * with the {@code amqp} transport, the machine's RabbitMQ broker (a fresh virtual host per
 * run), both reached through the bridge ({@link TcpForwarder}). Each app listens on its
 * standard port at its host's address and advertises that address; the hosts share only
 * the database, the broker and the secrets (in the environment).
 *
 * <p>What a scenario does to hosts is here: {@link #kill}, {@link #restart},
 * {@link #cutLink}/{@link #restoreLink}, {@link #databaseOutage}, {@link #restartBroker}.
 */
final class MultiHostSuite implements AutoCloseable {

	static final String ADMIN_PASSWORD = "multihost-admin-" + UUID.randomUUID();

	static final String CONTROLLER = "controller";

	/** Generous: four JVMs start at once, on a CI machine of two cores that may be busy. */
	private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

	private static final Map<String, Integer> PORTS = Map.of("compute", 8774, "volume", 8776, "network", 9696);

	private static final CommandRunner machine = new CommandRunner(List.of(), Duration.ofSeconds(60));

	private final String transport;

	private final Path workDir;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, String> environment = new HashMap<>();

	private final List<String> common = new ArrayList<>();

	/** Host name to the apps it runs, in start order. */
	private final Map<String, List<String>> layout = new LinkedHashMap<>();

	private final Map<String, List<String>> hostArgs = new HashMap<>();

	private final Map<String, SuiteProcess> apps = new LinkedHashMap<>();

	private HostNetwork network;

	private TcpForwarder postgres;

	private TcpForwarder rabbit;

	private String database;

	private String vhost;

	private MultiHostSuite(String transport, Path workDir) {
		this.transport = transport;
		this.workDir = workDir;
	}

	/**
	 * Starts the controller and {@code computeHosts} compute hosts, all apps at once, and
	 * waits until every one is ready. {@code hostArgs} adds properties per host name
	 * ({@code compute-2}: a slow fake driver, say) to {@code commonArgs}.
	 */
	static MultiHostSuite start(String transport, Path workDir, int computeHosts, List<String> commonArgs,
			Map<String, List<String>> hostArgs) {
		MultiHostSuite suite = new MultiHostSuite(transport, workDir);
		try {
			suite.layout.put(CONTROLLER, List.of("network", "volume"));
			for (int i = 1; i <= computeHosts; i++) {
				suite.layout.put("compute-" + i, List.of("compute"));
			}
			suite.hostArgs.putAll(hostArgs);
			suite.network = HostNetwork.create(List.copyOf(suite.layout.keySet()));
			suite.createDatabase();
			suite.common.addAll(List.of(
					"--spring.datasource.url=jdbc:postgresql://" + suite.network.gateway() + ":" + suite.postgres.port()
							+ "/" + suite.database,
					"--spring.datasource.username=postgres", "--nova.rpc.transport=" + transport));
			if ("amqp".equals(transport)) {
				suite.createVirtualHost();
				suite.common.addAll(List.of("--spring.rabbitmq.host=" + suite.network.gateway(),
						"--spring.rabbitmq.port=" + suite.rabbit.port(), "--spring.rabbitmq.username=guest",
						"--spring.rabbitmq.virtual-host=" + suite.vhost));
				suite.environment.put("SPRING_RABBITMQ_PASSWORD", "guest");
			}
			suite.common.addAll(commonArgs);
			// secrets go in the environment, as bin/start-suite passes them: ps shows command lines
			suite.environment.putAll(Map.of("NOVA_AUTH_TOKEN_KEY", "mh-token-key-" + UUID.randomUUID(),
					"NOVA_RPC_SECRET", "mh-rpc-secret-" + UUID.randomUUID(), "NOVA_AUTH_BOOTSTRAP_PASSWORD",
					ADMIN_PASSWORD));
			for (String host : suite.layout.keySet()) {
				suite.launch(host);
			}
			suite.apps.values().forEach((app) -> app.awaitReady(READY_TIMEOUT));
			return suite;
		}
		catch (RuntimeException | Error ex) {
			suite.close();
			throw ex;
		}
	}

	private void createDatabase() {
		this.database = "nova_multihost_" + this.run;
		admin().execute("CREATE DATABASE " + this.database);
		this.postgres = TcpForwarder.start(this.network.gateway(), 5432);
	}

	private static JdbcTemplate admin() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/postgres");
		dataSource.setUser("postgres");
		return new JdbcTemplate(dataSource);
	}

	private void createVirtualHost() {
		this.vhost = "nova-multihost-" + this.run;
		machine.run("rabbitmqctl", "-q", "add_vhost", this.vhost);
		machine.run("rabbitmqctl", "-q", "set_permissions", "-p", this.vhost, "guest", ".*", ".*", ".*");
		this.rabbit = TcpForwarder.start(this.network.gateway(), 5672);
	}

	// starts the host's apps without waiting for them
	private void launch(String host) {
		for (String app : this.layout.get(host)) {
			List<String> args = new ArrayList<>(this.common);
			args.add("--nova.host=" + host);
			args.add("--nova.rpc.http.advertised-host=" + this.network.address(host));
			args.addAll(this.hostArgs.getOrDefault(host, List.of()));
			if ("volume".equals(app)) {
				args.addAll(List.of("--nova.volume.driver=file",
						"--nova.volume.file.directory=" + this.workDir.resolve(host).resolve("volumes")));
			}
			this.apps.put(host + "/" + app, SuiteProcess.start(app, this.workDir.resolve(host).resolve(app), args,
					this.environment, this.network.prefix(host), this.network.address(host), PORTS.get(app)));
		}
	}

	List<String> computeHosts() {
		return this.layout.keySet().stream().filter((host) -> !CONTROLLER.equals(host)).toList();
	}

	/** nova-compute on {@code host}: its Compute API, as a user of that host sees it. */
	SuiteProcess compute(String host) {
		return this.apps.get(host + "/compute");
	}

	SuiteProcess network() {
		return this.apps.get(CONTROLLER + "/network");
	}

	SuiteProcess volume() {
		return this.apps.get(CONTROLLER + "/volume");
	}

	String address(String host) {
		return this.network.address(host);
	}

	/** Every process of {@code host} killed at once (SIGKILL): the host lost its power. */
	void kill(String host) {
		this.network.killEverything(host);
	}

	/** Starts the host's apps again (after {@link #kill}) and waits until they are ready. */
	void restart(String host) {
		for (String app : this.layout.get(host)) {
			this.apps.remove(host + "/" + app).close();
		}
		launch(host);
		for (String app : this.layout.get(host)) {
			this.apps.get(host + "/" + app).awaitReady(READY_TIMEOUT);
		}
	}

	void cutLink(String host) {
		this.network.cutLink(host);
	}

	void restoreLink(String host) {
		this.network.restoreLink(host);
	}

	/**
	 * PostgreSQL goes away for {@code outage} and comes back: simulated at the forwarder
	 * (every connection of every host cut, new ones refused), because restarting the
	 * machine's server would cut every other user of it too.
	 */
	void databaseOutage(Duration outage) throws InterruptedException {
		this.postgres.interrupt();
		Thread.sleep(outage.toMillis());
		this.postgres.resume();
	}

	/** The real broker stops and starts again ({@code rabbitmqctl stop_app}, {@code start_app}). */
	void restartBroker(Duration stopped) throws InterruptedException {
		machine.run("rabbitmqctl", "-q", "stop_app");
		try {
			Thread.sleep(stopped.toMillis());
		}
		finally {
			machine.run("rabbitmqctl", "-q", "start_app");
		}
	}

	// the temporary directory goes with the test: the logs stay in target/ for whoever reads a failure
	private void keepLogs() {
		Path kept = Path.of("target", "multihost-logs", this.transport);
		try {
			Files.createDirectories(kept);
			for (Map.Entry<String, SuiteProcess> app : this.apps.entrySet()) {
				Files.copy(app.getValue().logFile(), kept.resolve(app.getKey().replace('/', '-') + ".log"),
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			// the run's outcome does not depend on its logs
		}
	}

	JdbcTemplate database() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:5432/" + this.database);
		dataSource.setUser("postgres");
		return new JdbcTemplate(dataSource);
	}

	@Override
	public void close() {
		try {
			this.apps.values().forEach(SuiteProcess::close);
			keepLogs();
		}
		finally {
			if (this.network != null) {
				this.network.close();
			}
			if (this.postgres != null) {
				this.postgres.close();
			}
			if (this.rabbit != null) {
				this.rabbit.close();
			}
			if (this.vhost != null) {
				try {
					machine.run("rabbitmqctl", "-q", "delete_vhost", this.vhost);
				}
				catch (CommandFailedException ex) {
					// the broker is gone: nothing of this run is left in it to remove
				}
			}
			if (this.database != null) {
				admin().execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
			}
		}
	}

}
