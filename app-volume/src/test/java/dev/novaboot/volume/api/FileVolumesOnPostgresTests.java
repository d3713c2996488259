package dev.novaboot.volume.api;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import dev.novaboot.service.testsupport.SchemaNames;
import dev.novaboot.volume.VolumeApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as an operator runs it: the {@code file} driver on a real directory and a real
 * PostgreSQL (whose schema {@code ddl-auto=validate} accepts). A volume made through the
 * API is a file of the right size; extend grows it; a snapshot is an independent copy;
 * delete removes the files. Every index of the migrated schema has the suite's name.
 */
@SpringBootTest(classes = VolumeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "nova.volume.driver=file", "nova.host=volume-file-host" })
@AutoConfigureTestRestTemplate
@Import(EmbeddedPostgresConfiguration.class)
class FileVolumesOnPostgresTests {

	static final long GIB = 1024L * 1024 * 1024;

	@TempDir
	static Path directory;

	@DynamicPropertySource
	static void volumeDirectory(DynamicPropertyRegistry registry) {
		registry.add("nova.volume.file.directory", () -> directory.resolve("volumes").toString());
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcTemplate jdbc;

	BlockStorageClient client;

	@BeforeEach
	void client() {
		this.client = new BlockStorageClient(this.http, "project-files", "fiona", "member");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aVolumeIsAFileThatGrowsIsSnapshotAndIsDeleted() throws IOException {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
		String id = (String) this.client.createVolume(1).get("id");
		Path volume = directory.resolve("volumes").resolve("volume-" + id);
		assertThat(volume).isRegularFile();
		assertThat(Files.size(volume)).isEqualTo(GIB);

		assertThat(this.client.post("/volumes/" + id + "/action", Map.of("os-extend", Map.of("new_size", 2)))
			.getStatusCode()
			.value()).isEqualTo(202);
		assertThat(Files.size(volume)).isEqualTo(2 * GIB);
		assertThat(this.client.volume(id)).containsEntry("size", 2).containsEntry("status", "available");

		write(volume, "original");
		Map<String, Object> snapshot = (Map<String, Object>) this.client
			.post("/snapshots", Map.of("snapshot", Map.of("volume_id", id)))
			.getBody()
			.get("snapshot");
		assertThat(snapshot).containsEntry("status", "available");
		Path snapshotFile = directory.resolve("volumes").resolve("snapshot-" + snapshot.get("id"));
		write(volume, "changed!");
		assertThat(read(snapshotFile)).isEqualTo("original");
		assertThat(Files.size(snapshotFile)).isEqualTo(2 * GIB);

		Map<String, Object> copy = (Map<String, Object>) this.client
			.post("/volumes", Map.of("volume", Map.of("snapshot_id", snapshot.get("id"), "size", 3)))
			.getBody()
			.get("volume");
		Path copyFile = directory.resolve("volumes").resolve("volume-" + copy.get("id"));
		assertThat(copy).containsEntry("status", "available").containsEntry("size", 3);
		assertThat(Files.size(copyFile)).isEqualTo(3 * GIB);
		assertThat(read(copyFile)).isEqualTo("original");

		assertThat(this.client.delete("/snapshots/" + snapshot.get("id")).getStatusCode().value()).isEqualTo(202);
		assertThat(snapshotFile).doesNotExist();
		assertThat(this.client.delete("/volumes/" + id).getStatusCode().value()).isEqualTo(202);
		assertThat(this.client.delete("/volumes/" + copy.get("id")).getStatusCode().value()).isEqualTo(202);
		assertThat(volume).doesNotExist();
		assertThat(copyFile).doesNotExist();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCloneIsACopyOfTheSourcesFileMadeForReal() throws IOException {
		String id = (String) this.client.createVolume(1).get("id");
		Path source = directory.resolve("volumes").resolve("volume-" + id);
		write(source, "cloned!!");

		ResponseEntity<Map<String, Object>> created = this.client.post("/volumes",
				Map.of("volume", Map.of("source_volid", id, "size", 2, "metadata", Map.of("purpose", "clone"))));
		assertThat(created.getStatusCode().value()).isEqualTo(202);
		Map<String, Object> clone = (Map<String, Object>) created.getBody().get("volume");
		Path cloneFile = directory.resolve("volumes").resolve("volume-" + clone.get("id"));
		write(source, "changed!");

		assertThat(clone).containsEntry("status", "available")
			.containsEntry("size", 2)
			.containsEntry("source_volid", id)
			.containsEntry("metadata", Map.of("purpose", "clone"));
		assertThat(Files.size(cloneFile)).isEqualTo(2 * GIB);
		assertThat(read(cloneFile)).isEqualTo("cloned!!");
		assertThat(this.client.delete("/volumes/" + clone.get("id")).getStatusCode().value()).isEqualTo(202);
		assertThat(cloneFile).doesNotExist();
		assertThat(this.client.delete("/volumes/" + id).getStatusCode().value()).isEqualTo(202);
	}

	@Test
	@SuppressWarnings("unchecked")
	void listsSortAndPageByNullableColumnsAlikeOnPostgreSql() {
		BlockStorageClient sorter = new BlockStorageClient(this.http, "project-sorting", "sam", "member");
		String unnamed = (String) sorter.createVolume(1).get("id");
		String named = (String) ((Map<String, Object>) sorter
			.post("/volumes", Map.of("volume", Map.of("size", 1, "name", "a")))
			.getBody()
			.get("volume")).get("id");

		assertThat(sorter.list("/volumes?sort=name:asc", "volumes")).extracting((v) -> v.get("id"))
			.containsExactly(unnamed, named);
		assertThat(sorter.list("/volumes?sort=name:asc&marker=" + unnamed, "volumes")).extracting((v) -> v.get("id"))
			.containsExactly(named);
		assertThat(sorter.list("/volumes?sort=name:desc&limit=1&marker=" + named, "volumes"))
			.extracting((v) -> v.get("id"))
			.containsExactly(unnamed);
	}

	@Test
	void parallelCreatesAndExtendsOfOneProjectNeverGoBeyondItsQuota() throws Exception {
		String project = "project-quota-race";
		BlockStorageClient racer = new BlockStorageClient(this.http, project, "rita", "member");
		BlockStorageClient admin = new BlockStorageClient(this.http, "admin", "admin", "admin");
		assertThat(admin.exchange(HttpMethod.PUT, "/os-quota-sets/" + project,
				Map.of("quota_set", Map.of("volumes", 4, "gigabytes", 8))).getStatusCode().value()).isEqualTo(200);

		List<Integer> creates = inParallel(12,
				() -> racer.post("/volumes", Map.of("volume", Map.of("size", 1))).getStatusCode().value());
		assertThat(creates).filteredOn((status) -> status == 202).hasSize(4);
		assertThat(creates).filteredOn((status) -> status == 413).hasSize(8);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM volumes WHERE project_id = ? AND deleted = 0",
				Long.class, project)).isEqualTo(4);

		// 4 GiB used of 8: each extend adds 3 GiB, so only one of them fits
		List<String> ids = racer.list("/volumes", "volumes").stream().map((v) -> (String) v.get("id")).toList();
		List<Integer> extendsDone = inParallelIndexed(ids.size(),
				(i) -> racer.post("/volumes/" + ids.get(i) + "/action", Map.of("os-extend", Map.of("new_size", 4)))
					.getStatusCode()
					.value());
		assertThat(extendsDone).filteredOn((status) -> status == 202).hasSize(1);
		assertThat(extendsDone).filteredOn((status) -> status == 413).hasSize(ids.size() - 1);
		assertThat(this.jdbc.queryForObject(
				"SELECT SUM(size_gb) FROM volumes WHERE project_id = ? AND deleted = 0", Long.class, project))
			.isEqualTo(7);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM quota_reservations WHERE project_id = ?",
				Long.class, project)).isZero();
		ids.forEach((id) -> assertThat(racer.delete("/volumes/" + id).getStatusCode().value()).isEqualTo(202));
	}

	private static List<Integer> inParallel(int count, Callable<Integer> call) throws Exception {
		return inParallelIndexed(count, (i) -> call.call());
	}

	private static List<Integer> inParallelIndexed(int count, IntCall call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				results.add(pool.submit(() -> {
					start.await();
					return call.call(index);
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get(120, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	private interface IntCall {

		Integer call(int index) throws Exception;

	}

	@Test
	void everyIndexAndUniqueKeyFollowsTheNamingScheme() {
		assertThat(SchemaNames.offending(this.jdbc)).isEmpty();
	}

	@Test
	void aVolumeWhoseFileVanishedIsMarkedErrorByInitHost(@Autowired dev.novaboot.volume.manager.VolumeManager manager)
			throws IOException {
		String id = (String) this.client.createVolume(1).get("id");
		Files.delete(directory.resolve("volumes").resolve("volume-" + id));

		manager.initHost();

		assertThat(this.client.volume(id)).containsEntry("status", "error").doesNotContainKey("status_reason");
		// the reason is kept in the row, not shown: Cinder's volume has no such key
		assertThat(this.jdbc.queryForObject("SELECT status_reason FROM volumes WHERE id = ?", String.class, id))
			.contains("is missing");
		assertThat(this.client.delete("/volumes/" + id).getStatusCode().value()).isEqualTo(202);
	}

	private static void write(Path file, String text) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.write(text.getBytes());
		}
	}

	private static String read(Path file) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			byte[] bytes = new byte[8];
			raf.readFully(bytes);
			return new String(bytes);
		}
	}

}
