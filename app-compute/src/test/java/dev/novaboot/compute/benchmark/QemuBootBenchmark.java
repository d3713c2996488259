package dev.novaboot.compute.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Time from {@code POST /v2.1/servers} to {@code ACTIVE} with the qemu driver (m1.tiny:
 * 1 vcpu, 512 MB, a qcow2 overlay of a 64 MB image), one server at a time, each deleted
 * before the next. Run it with
 * {@code ./mvnw -B -ntp -q -pl app-compute -am test -Dtest=QemuBootBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * the result goes to {@code app-compute/target/benchmarks.txt}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class QemuBootBenchmark {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	static final int BOOTS = 10;

	static final Path ROOT = root();

	@Autowired
	TestRestTemplate http;

	@DynamicPropertySource
	static void qemu(DynamicPropertyRegistry registry) throws IOException {
		Files.createDirectories(ROOT.resolve("images"));
		new CommandRunner(List.of(), Duration.ofSeconds(30)).run("qemu-img", "create", "-f", "qcow2",
				ROOT.resolve("images/blank.qcow2").toString(), "64M");
		registry.add("nova.compute.driver", () -> "qemu");
		registry.add("nova.host", () -> "qemu-bench");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:nova-compute-qemu-bench;DB_CLOSE_DELAY=-1");
		registry.add("nova.compute.qemu.image-directory", () -> ROOT.resolve("images").toString());
		registry.add("nova.compute.qemu.state-directory", () -> ROOT.resolve("instances").toString());
		registry.add("logging.level.dev.novaboot", () -> "warn");
	}

	@AfterAll
	static void cleanUp() {
		FileSystemUtils.deleteRecursively(ROOT.toFile());
	}

	@Test
	@SuppressWarnings("unchecked")
	void postToActive() throws Exception {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < BOOTS + 1; i++) {
			long start = System.nanoTime();
			Map<String, Object> body = Map.of("server", Map.of("name", "bench", "flavorRef", "1", "imageRef",
					ComputeImages.idOf("blank.qcow2")));
			String id = (String) ((Map<String, Object>) this.http
				.exchange("/v2.1/servers", HttpMethod.POST, new HttpEntity<>(body, headers()), JSON)
				.getBody()
				.get("server")).get("id");
			while (!"ACTIVE".equals(status(id))) {
				if ("ERROR".equals(status(id))) {
					throw new IllegalStateException("Server went to ERROR");
				}
				Thread.sleep(5);
			}
			if (i > 0) { // the first boot warms up the JVM
				millis.add((System.nanoTime() - start) / 1e6);
			}
			this.http.exchange("/v2.1/servers/" + id, HttpMethod.DELETE, new HttpEntity<>(headers()), JSON);
			while (this.http.exchange("/v2.1/servers/" + id, HttpMethod.GET, new HttpEntity<>(headers()), JSON)
				.getStatusCode()
				.value() != 404) {
				Thread.sleep(5);
			}
		}
		millis.sort(Double::compare);
		double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
		String line = String.format("qemu driver, POST /servers to ACTIVE over %d boots: mean %.0f ms, median %.0f ms, max %.0f ms%n",
				millis.size(), mean, millis.get(millis.size() / 2), millis.get(millis.size() - 1));
		System.out.print(line);
		Files.writeString(Path.of("target/benchmarks.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	@SuppressWarnings("unchecked")
	private String status(String id) {
		return (String) ((Map<String, Object>) this.http
			.exchange("/v2.1/servers/" + id, HttpMethod.GET, new HttpEntity<>(headers()), JSON)
			.getBody()
			.get("server")).get("status");
	}

	private static HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Project-Id", "bench");
		headers.set("X-Roles", "member");
		return headers;
	}

	private static Path root() {
		try {
			return Files.createTempDirectory(Path.of("/tmp"), "nqb");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
