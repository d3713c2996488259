package dev.novaboot.service.record;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

import dev.novaboot.sample.SampleServiceApplication;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running service and comes back: the service keeps
 * running, logs the loss once and the recovery once, reports {@code serviceState} DOWN
 * meanwhile, and resumes heartbeats by itself. The database is a real H2 server over TCP
 * that the test stops and starts again.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageTests {

	@Test
	void serviceSurvivesTheDatabaseGoingAwayAndComingBack(@TempDir Path baseDir, CapturedOutput output)
			throws Exception {
		int port = freePort();
		Server database = startDatabase(baseDir, port);
		try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SampleServiceApplication.class)
			.run("--server.port=0", "--nova.host=outage-host", "--nova.service.report-interval=200ms",
					"--spring.datasource.url=jdbc:h2:tcp://localhost:" + port + "/./nova",
					"--spring.datasource.hikari.connection-timeout=500",
					"--spring.datasource.hikari.validation-timeout=250")) {
			Heartbeat heartbeat = service.getBean(Heartbeat.class);
			HealthEndpoint health = service.getBean(HealthEndpoint.class);
			ServiceRecordRepository services = service.getBean(ServiceRecordRepository.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> heartbeat.status().healthy());

			database.stop();
			await().atMost(Duration.ofSeconds(10)).until(() -> heartbeat.status().failures() >= 3);
			assertThat(heartbeat.status().healthy()).isFalse();
			assertThat(health.healthForPath("serviceState").getStatus()).isEqualTo(Status.DOWN);
			assertThat(service.isRunning()).isTrue();

			database = startDatabase(baseDir, port);
			await().atMost(Duration.ofSeconds(10)).until(() -> heartbeat.status().healthy());
			long reportsAtRecovery = services.findLive("outage-host", "nova-sample").orElseThrow().getReportCount();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> services.findLive("outage-host", "nova-sample").orElseThrow().getReportCount() > reportsAtRecovery + 1);
			assertThat(health.healthForPath("serviceState").getStatus()).isEqualTo(Status.UP);
		}
		finally {
			database.stop();
		}
		assertThat(occurrences(output.getAll(), "Lost the database")).isEqualTo(1);
		assertThat(occurrences(output.getAll(), "Database is back")).isEqualTo(1);
	}

	private static Server startDatabase(Path baseDir, int port) throws SQLException {
		return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", baseDir.toString(), "-ifNotExists")
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static int occurrences(String text, String phrase) {
		return text.split(java.util.regex.Pattern.quote(phrase), -1).length - 1;
	}

}
