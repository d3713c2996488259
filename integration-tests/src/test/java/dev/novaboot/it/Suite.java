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

	private Suite(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** Starts PostgreSQL and the three apps at once, and waits until all are ready. */
	static Suite start(Path workDir, Map<String, List<String>> extraArgs) throws Exception {
		Suite suite = new Suite(EmbeddedPostgres.builder().start());
		try {
			String url = suite.postgres.getJdbcUrl("postgres", "postgres");
			List<String> common = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--nova.service.report-interval=1s", "--nova.auth.token-key=it-token-key-" + UUID.randomUUID(),
					"--nova.rpc.secret=it-rpc-secret-" + UUID.randomUUID(),
					"--nova.auth.bootstrap-password=" + ADMIN_PASSWORD);
			Map<String, String> hosts = Map.of("volume", "127.0.0.11", "network", "127.0.0.12", "compute", "127.0.0.13");
			for (String app : List.of("volume", "network", "compute")) {
				List<String> args = new ArrayList<>(common);
				args.add("--nova.host=" + hosts.get(app));
				args.addAll(extraArgs.getOrDefault(app, List.of()));
				suite.apps.put(app, SuiteProcess.start(app, workDir.resolve(app), args));
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
