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

	private final boolean rolePerApp;

	private Path workDir;

	private Suite(EmbeddedPostgres postgres, boolean rolePerApp) {
		this.postgres = postgres;
		this.rolePerApp = rolePerApp;
	}

	/** Starts PostgreSQL and the three apps at once, and waits until all are ready. */
	static Suite start(Path workDir, Map<String, List<String>> extraArgs) throws Exception {
		return start(new Suite(EmbeddedPostgres.builder().start(), false), workDir, extraArgs);
	}

	/**
	 * For benchmarks: as {@link #start}, but PostgreSQL also counts statements
	 * ({@code pg_stat_statements}, read through {@link #statistics()}) and each app logs in
	 * as its own superuser role ({@code nova_compute}, {@code nova_network},
	 * {@code nova_volume}), so that the counts can be told apart by app.
	 */
	static Suite startCounting(Path workDir, Map<String, List<String>> extraArgs) throws Exception {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.start();
		JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
		for (String app : List.of("volume", "network", "compute")) {
			admin.execute("CREATE ROLE " + role(app, true) + " SUPERUSER LOGIN");
		}
		// the view in a database of its own: the apps' schema stays as they made it
		admin.execute("CREATE DATABASE nova_statistics");
		new JdbcTemplate(postgres.getDatabase("postgres", "nova_statistics"))
			.execute("CREATE EXTENSION pg_stat_statements");
		return start(new Suite(postgres, true), workDir, extraArgs);
	}

	private static String role(String app, boolean rolePerApp) {
		return rolePerApp ? "nova_" + app : "postgres";
	}

	private static Suite start(Suite suite, Path workDir, Map<String, List<String>> extraArgs) throws Exception {
		try {
			suite.workDir = workDir;
			// getJdbcUrl names the user in the URL, where it would win over each app's own role
			String url = suite.rolePerApp ? "jdbc:postgresql://localhost:" + suite.postgres.getPort() + "/postgres"
					: suite.postgres.getJdbcUrl("postgres", "postgres");
			suite.common.addAll(List.of("--spring.datasource.url=" + url, "--nova.service.report-interval=1s"));
			Map<String, String> hosts = Map.of("volume", "127.0.0.11", "network", "127.0.0.12", "compute", "127.0.0.13");
			for (String app : List.of("volume", "network", "compute")) {
				List<String> args = new ArrayList<>(suite.common);
				args.add("--spring.datasource.username=" + role(app, suite.rolePerApp));
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
		args.add("--spring.datasource.username=" + role(app, this.rolePerApp));
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

	/** The cluster's statistics views ({@link #startCounting} only), from a database the apps do not use. */
	JdbcTemplate statistics() {
		return new JdbcTemplate(this.postgres.getDatabase("postgres", "nova_statistics"));
	}

	@Override
	public void close() throws Exception {
		this.apps.values().forEach(SuiteProcess::close);
		this.postgres.close();
	}

}
