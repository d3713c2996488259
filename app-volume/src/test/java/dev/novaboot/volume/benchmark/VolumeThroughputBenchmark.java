package dev.novaboot.volume.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import dev.novaboot.service.testsupport.StatementTally;
import dev.novaboot.volume.VolumeApplication;
import dev.novaboot.volume.driver.FileVolumeDriver;
import dev.novaboot.volume.driver.VolumeDriver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volume create + delete throughput through the Block Storage API, for the {@code fake}
 * and {@code file} drivers on H2 (in memory) and PostgreSQL (embedded). Not part of the
 * default build (tag {@code benchmark}); run it as BENCHMARKS.md says. Prints a Markdown
 * table and writes it to {@code target/volume-benchmark.md}.
 */
@Tag("benchmark")
class VolumeThroughputBenchmark {

	static final int WARMUP = Integer.getInteger("benchmark.warmup", 500);

	static final int OPERATIONS = Integer.getInteger("benchmark.operations", 1000);

	static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);

	/** {@code driver:database} to run only those rows (e.g. {@code fake:PostgreSQL}), empty for all. */
	static final String ONLY = System.getProperty("benchmark.only", "");

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path directory;

	@Test
	void createAndDeleteThroughput() throws Exception {
		List<String> rows = new ArrayList<>();
		rows.add("| driver | database | clients | create+delete pairs | pairs/s | mean ms per pair | statements per pair | transactions per pair |");
		rows.add("|---|---|---|---|---|---|---|---|");
		for (String driver : List.of("fake", "file")) {
			if (ONLY.isEmpty() || ONLY.equals(driver + ":H2")) {
				rows.add(run(driver, "H2", "jdbc:h2:mem:bench-" + driver + ";DB_CLOSE_DELAY=-1", null, 1));
				rows.add(run(driver, "H2", "jdbc:h2:mem:bench-c-" + driver + ";DB_CLOSE_DELAY=-1", null, CLIENTS));
			}
			if (!ONLY.isEmpty() && !ONLY.equals(driver + ":PostgreSQL")) {
				continue;
			}
			try (EmbeddedPostgres postgres = EmbeddedPostgresConfiguration.start()) {
				rows.add(run(driver, "PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), postgres, 1));
				rows.add(run(driver, "PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), postgres, CLIENTS));
			}
		}
		String table = String.join("\n", rows) + "\n";
		System.out.println(table);
		Files.writeString(Path.of("target", "volume-benchmark.md"), table);
	}

	private String run(String driver, String database, String url, EmbeddedPostgres postgres, int clients)
			throws Exception {
		Path volumes = Files.createTempDirectory(this.directory, driver);
		String host = "bench-" + driver + "-" + clients;
		// command-line arguments: they outrank the tests' application.properties (fake driver, H2)
		StatementTally counter = new StatementTally();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VolumeApplication.class).initializers(counter).run(
				"--server.port=0", "--nova.host=" + host, "--nova.volume.driver=" + driver,
				"--nova.volume.file.directory=" + volumes, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + ((postgres != null) ? "postgres" : "sa"),
				"--spring.datasource.password=", "--logging.level.root=warn")) {
			assertThat(app.getBean(VolumeDriver.class).name()).isEqualTo(driver);
			try (Connection connection = app.getBean(DataSource.class).getConnection()) {
				assertThat(connection.getMetaData().getDatabaseProductName()).isEqualToIgnoringCase(database);
			}
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			String base = "http://localhost:" + port + "/v3/bench/volumes";
			pairs(base, WARMUP, clients);
			long statements = counter.statements();
			long transactions = counter.transactions();
			long started = System.nanoTime();
			pairs(base, OPERATIONS, clients);
			double seconds = (System.nanoTime() - started) / 1e9;
			double statementsPerPair = (counter.statements() - statements) / (double) OPERATIONS;
			double transactionsPerPair = (counter.transactions() - transactions) / (double) OPERATIONS;
			try (var files = Files.list(volumes)) {
				assertThat(files.count()).as("files left behind").isZero();
			}
			if (driver.equals("file")) {
				assertThat(app.getBean(FileVolumeDriver.class).directory()).isEqualTo(volumes.toAbsolutePath());
			}
			return String.format(java.util.Locale.ROOT, "| %s | %s | %d | %d | %.0f | %.2f | %.1f | %.1f |", driver,
					database, clients, OPERATIONS, OPERATIONS / seconds, seconds * 1000 * clients / OPERATIONS,
					statementsPerPair, transactionsPerPair);
		}
	}

	private void pairs(String base, int count, int clients) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int share = count / clients + ((c < count % clients) ? 1 : 0);
				work.add(pool.submit(() -> {
					for (int i = 0; i < share; i++) {
						String id = create(base);
						send(HttpRequest.newBuilder(URI.create(base + "/" + id)).DELETE(), 202);
					}
					return null;
				}));
			}
			for (Future<?> future : work) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private String create(String base) throws IOException, InterruptedException {
		String body = send(HttpRequest.newBuilder(URI.create(base))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"volume\": {\"size\": 1}}")), 202);
		Matcher matcher = ID.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(
				request.header("X-Project-Id", "bench").header("X-User-Id", "bench").header("X-Roles", "member").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		return response.body();
	}

}
