package dev.novaboot.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole suite as processes: an embedded PostgreSQL server and the three app jars on
 * it, each on its own host name (addresses of the loopback range, so that
 * {@code topic.host} routing crosses real process boundaries), sharing one token key and
 * one RPC secret made up for this run.
 */
final class Suite implements AutoCloseable {

	static final String ADMIN_PASSWORD = "integration-admin-" + UUID.randomUUID();

	private final EmbeddedPostgres postgres;

	private final Map<String, SuiteProcess> apps = new LinkedHashMap<>();

	private final List<String> common = new ArrayList<>();

	// secrets go in the environment, as bin/start-suite passes them: ps shows command lines
	private final Map<String, String> secrets = Map.of("NOVA_AUTH_TOKEN_KEY", "it-token-key-" + UUID.randomUUID(),
			"NOVA_RPC_SECRET", "it-rpc-secret-" + UUID.randomUUID(), "NOVA_AUTH_BOOTSTRAP_PASSWORD", ADMIN_PASSWORD);

	private Path workDir;

	private Suite(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** Starts PostgreSQL and the three apps at once, and waits until all are ready. */
	static Suite start(Path workDir, Map<String, List<String>> extraArgs) throws Exception {
		Suite suite = new Suite(EmbeddedPostgres.builder().start());
		try {
			suite.workDir = workDir;
			String url = suite.postgres.getJdbcUrl("postgres", "postgres");
			suite.common.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--nova.service.report-interval=1s"));
			Map<String, String> hosts = Map.of("volume", "127.0.0.11", "network", "127.0.0.12", "compute", "127.0.0.13");
			for (String app : List.of("volume", "network", "compute")) {
				List<String> args = new ArrayList<>(suite.common);
				args.add("--nova.host=" + hosts.get(app));
				args.addAll(extraArgs.getOrDefault(app, List.of()));
				suite.apps.put(app, SuiteProcess.start(app, workDir.resolve(app), args, suite.secrets));
			}
			for (SuiteProcess app : suite.apps.values()) {
				app.awaitReady(Duration.ofMinutes(3));
			}
			return suite;
		}
		catch (Exception | Error ex) {
			suite.close();
			throw ex;
		}
	}

	/**
	 * Starts one more service of the suite, such as a second compute host, as
	 * {@code name} on host {@code host}, and waits until it is ready.
	 */
	SuiteProcess startMore(String app, String name, String host, List<String> extraArgs) {
		List<String> args = new ArrayList<>(this.common);
		args.add("--nova.host=" + host);
		args.addAll(extraArgs);
		SuiteProcess process = SuiteProcess.start(app, this.workDir.resolve(name), args, this.secrets);
		this.apps.put(name, process);
		process.awaitReady(Duration.ofMinutes(3));
		return process;
	}

	SuiteProcess app(String name) {
		return this.apps.get(name);
	}

	JdbcTemplate database() {
		return new JdbcTemplate(this.postgres.getPostgresDatabase());
	}

	@Override
	public void close() throws Exception {
		this.apps.values().forEach(SuiteProcess::close);
		this.postgres.close();
	}

}
