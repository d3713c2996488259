package dev.novaboot.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running suite driven by the OpenStack CLI from Debian, command by command, as a
 * user of an OpenStack cloud would: every command exits 0 and says what OpenStack says.
 * Each API issue adds the commands it makes work.
 */
class OpenStackCliTests {

	@TempDir
	static Path workDir;

	static Suite suite;

	static OpenStackCli admin;

	// waits poll the APIs directly: a CLI poll costs a Python start, its --wait five seconds a round
	static SuiteClient rest;

	@BeforeAll
	static void startSuite() throws Exception {
		// one image store for the volume and compute services, as one machine's ./var/images is
		// for bin/start-suite, holding a small raw disk to make a volume from
		Path images = Files.createDirectories(workDir.resolve("images"));
		Files.write(images.resolve("cli-disk"), new byte[1024 * 1024]);
		List<String> imageStore = List.of("--nova.image.directory=" + images);
		suite = Suite.start(workDir, Map.of("volume", imageStore, "compute", imageStore));
		admin = OpenStackCli.as(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
		rest = SuiteClient.login(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
	}

	@AfterAll
	static void stopSuite() throws Exception {
		if (suite != null) {
			suite.close();
		}
	}

	@Test
	void identityCatalogAndServices() {
		assertThat(admin.json("token", "issue").<String>read("$.project_id")).hasSize(32);
		assertThat(admin.json("catalog", "list").<List<String>>read("$[*].Type"))
			.contains("compute", "volumev3", "network", "image", "identity");
		assertThat(admin.json("compute", "service", "list").<List<String>>read("$[*].Binary"))
			.contains("nova-compute", "nova-volume", "nova-network");
		assertThat(admin.json("image", "list").<List<String>>read("$[*].Name")).contains("cirros-0.6.2-x86_64-disk");
	}

	@Test
	void flavorsAreListedShownAndManagedByAnAdmin() {
		assertThat(admin.json("flavor", "list").<List<String>>read("$[*].Name")).contains("m1.tiny", "m1.small");
		assertThat(admin.json("flavor", "show", "m1.small").<Integer>read("$.ram")).isEqualTo(2048);

		admin.run("flavor", "create", "--ram", "256", "--disk", "1", "--vcpus", "1", "cli.flavor");
		admin.run("flavor", "set", "--property", "hw:cpu_policy=shared", "cli.flavor");
		assertThat(admin.json("flavor", "show", "cli.flavor").<Object>read("$.properties").toString())
			.contains("hw:cpu_policy").contains("shared");
		assertThat(admin.json("flavor", "list", "--long").<List<String>>read("$[*].Name")).contains("cli.flavor");
		admin.run("flavor", "delete", "cli.flavor");
		assertThat(admin.json("flavor", "list").<List<String>>read("$[*].Name")).doesNotContain("cli.flavor");
	}

	@Test
	void aServerOnANetworkWithAVolumeFromCreateToDelete() {
		String network = admin.json("network", "create", "cli-net").read("$.id");
		admin.run("subnet", "create", "--network", "cli-net", "--subnet-range", "10.40.0.0/24", "cli-subnet");
		assertThat(admin.json("network", "show", network).<List<String>>read("$.subnets")).hasSize(1);
		String volume = admin.json("volume", "create", "--size", "1", "cli-volume").read("$.id");

		DocumentContext server = admin.json("server", "create", "--flavor", "m1.tiny", "--image",
				"cirros-0.6.2-x86_64-disk", "--network", "cli-net", "--wait", "cli-server");
		assertThat(server.<String>read("$.status")).isEqualTo("ACTIVE");
		String id = server.read("$.id");
		assertThat(admin.json("server", "list").<List<String>>read("$[*].Name")).contains("cli-server");
		assertThat(admin.json("server", "show", id).<Object>read("$.addresses").toString()).contains("10.40.0.");
		assertThat(admin.json("port", "list", "--server", id).<List<Object>>read("$[*]")).hasSize(1);

		admin.run("server", "add", "volume", "cli-server", "cli-volume");
		assertThat(admin.json("volume", "show", volume).<String>read("$.status")).isEqualTo("in-use");
		admin.run("server", "remove", "volume", "cli-server", "cli-volume");
		awaitVolume(volume, "available");

		admin.run("server", "stop", "cli-server");
		admin.run("server", "delete", "--wait", "cli-server");
		assertThat(admin.json("server", "list").<List<String>>read("$[*].Name")).doesNotContain("cli-server");
		admin.run("volume", "delete", "cli-volume");
		admin.run("subnet", "delete", "cli-subnet");
		admin.run("network", "delete", "cli-net");
	}

	@Test
	void keyPairsServerGroupsZonesLimitsUsageAndHypervisorStatistics() throws Exception {
		Path privateKey = workDir.resolve("cli-key.pem");
		admin.run("keypair", "create", "--private-key", privateKey.toString(), "cli-key");
		assertThat(java.nio.file.Files.readString(privateKey)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
		assertThat(admin.json("keypair", "list").<List<String>>read("$[*].Name")).contains("cli-key");
		String fingerprint = admin.json("keypair", "show", "cli-key").read("$.fingerprint");
		assertThat(fingerprint).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");

		String group = admin.json("server", "group", "create", "--policy", "anti-affinity", "cli-group").read("$.id");
		assertThat(admin.json("server", "group", "list").<List<String>>read("$[*].Name")).contains("cli-group");
		assertThat(admin.json("server", "group", "show", "cli-group").<String>read("$.id")).isEqualTo(group);

		// "--nic none" is microversion 2.37's, which the CLI asks for only when told
		DocumentContext keyed = admin.json("--os-compute-api-version", "2.37", "server", "create", "--flavor",
				"m1.tiny", "--image",
				"cirros-0.6.2-x86_64-disk", "--nic", "none", "--key-name", "cli-key", "--hint", "group=" + group,
				"cli-keyed");
		String keyedId = keyed.read("$.id");
		awaitStatus(keyedId, "ACTIVE");
		assertThat(admin.json("server", "show", keyedId).<String>read("$.key_name")).isEqualTo("cli-key");
		assertThat(admin.json("server", "group", "show", "cli-group").<Object>read("$.members").toString())
			.contains(keyedId);
		List<String> events = admin.json("server", "event", "list", keyedId).read("$[*].Action");
		assertThat(events).contains("create");
		String createRequest = admin.json("server", "event", "list", keyedId).read("$[0].['Request ID']");
		assertThat(admin.run("server", "event", "show", keyedId, createRequest).stdout()).contains("create");
		admin.run("server", "delete", keyedId);
		awaitGone(keyedId);

		assertThat(admin.json("availability", "zone", "list", "--compute").<List<String>>read("$[*].['Zone Name']"))
			.contains("nova");
		assertThat(admin.run("availability", "zone", "list", "--compute", "--long").stdout()).contains("nova-compute");

		admin.run("quota", "set", "--instances", "12", "admin");
		assertThat(admin.run("limits", "show", "--absolute").stdout()).contains("maxTotalInstances")
			.contains("12")
			.contains("maxTotalKeypairs");
		assertThat(admin.run("hypervisor", "stats", "show").stdout()).contains("vcpus").contains("running_vms");
		assertThat(admin.run("usage", "list").exitCode()).isZero();

		admin.run("server", "group", "delete", "cli-group");
		admin.run("keypair", "delete", "cli-key");
		assertThat(admin.json("keypair", "list").<List<String>>read("$[*].Name")).doesNotContain("cli-key");
		admin.run("quota", "set", "--instances", "10", "admin");
	}

	@Test
	void serverActionsRebuildLockPauseSuspendResizeFromTheCli() {
		admin.run("network", "create", "cli-actions-net");
		admin.run("subnet", "create", "--network", "cli-actions-net", "--subnet-range", "10.41.0.0/24",
				"cli-actions-subnet");
		String id = admin.json("server", "create", "--flavor", "m1.tiny", "--image", "cirros-0.6.2-x86_64-disk",
				"--network", "cli-actions-net", "cli-actions").read("$.id");
		awaitStatus(id, "ACTIVE");
		String addresses = admin.json("server", "show", id).read("$.addresses").toString();
		assertThat(addresses).contains("10.41.0.");

		admin.run("server", "rebuild", "--image", "cirros-0.6.2-x86_64-disk", id);
		assertThat(awaitServer(id, "ACTIVE").read("$.addresses").toString()).isEqualTo(addresses);

		admin.run("server", "lock", id);
		assertThat(admin.json("--os-compute-api-version", "2.9", "server", "show", id).<Boolean>read("$.locked"))
			.isTrue();
		admin.run("server", "unlock", id);
		assertThat(admin.json("--os-compute-api-version", "2.9", "server", "show", id).<Boolean>read("$.locked"))
			.isFalse();

		admin.run("server", "pause", id);
		awaitServer(id, "PAUSED");
		admin.run("server", "unpause", id);
		awaitServer(id, "ACTIVE");
		admin.run("server", "suspend", id);
		awaitServer(id, "SUSPENDED");
		admin.run("server", "resume", id);
		awaitServer(id, "ACTIVE");

		admin.run("server", "resize", "--flavor", "m1.small", id);
		awaitServer(id, "VERIFY_RESIZE");
		admin.run("server", "resize", "confirm", id);
		assertThat(awaitServer(id, "ACTIVE").read("$.flavor").toString()).contains("m1.small");

		String reverted = admin.json("server", "create", "--flavor", "m1.tiny", "--image", "cirros-0.6.2-x86_64-disk",
				"--network", "cli-actions-net", "cli-reverted").read("$.id");
		awaitStatus(reverted, "ACTIVE");
		admin.run("server", "resize", "--flavor", "m1.small", reverted);
		awaitServer(reverted, "VERIFY_RESIZE");
		admin.run("server", "resize", "revert", reverted);
		assertThat(awaitServer(reverted, "ACTIVE").read("$.flavor").toString()).contains("m1.tiny");

		admin.run("server", "delete", id, reverted);
		awaitGone(id, reverted);
		admin.run("subnet", "delete", "cli-actions-subnet");
		admin.run("network", "delete", "cli-actions-net");
	}

	/** Waits until the server has {@code status} and no task, then shows it through the CLI. */
	private static DocumentContext awaitServer(String id, String status) {
		awaitStatus(id, status);
		return admin.json("server", "show", id);
	}

	/** Polls the Compute API until the server has {@code status} and no task; fails after a minute. */
	private static void awaitStatus(String id, String status) {
		await(() -> {
			SuiteClient.Response server = rest.get(suite.app("compute"), "/v2.1/servers/" + id).expect(200);
			return status.equals(server.read("$.server.status"))
					&& server.read("$.server['OS-EXT-STS:task_state']") == null;
		}, "server " + id + " never became " + status);
	}

	/** Polls the Compute API until the servers are gone; fails after a minute. */
	private static void awaitGone(String... ids) {
		for (String id : ids) {
			await(() -> rest.get(suite.app("compute"), "/v2.1/servers/" + id).status() == 404,
					"server " + id + " was never deleted");
		}
	}

	private static void await(java.util.concurrent.Callable<Boolean> done, String failure) {
		long deadline = System.nanoTime() + 60_000_000_000L;
		try {
			while (!done.call()) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError(failure);
				}
				Thread.sleep(100);
			}
		}
		catch (AssertionError ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new AssertionError(failure, ex);
		}
	}

	private static String encoded(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void awaitServers(String name, int active) {
		await(() -> rest.get(suite.app("compute"), "/v2.1/servers?status=ACTIVE&name=" + encoded(name))
			.expect(200)
			.<List<Object>>read("$.servers")
			.size() >= active, "fewer than " + active + " servers " + name + " became ACTIVE");
	}

	private static void awaitVolume(String volume, String status) {
		await(() -> status.equals(rest.get(suite.app("volume"), "/v3/" + rest.projectId() + "/volumes/" + volume)
			.expect(200)
			.read("$.volume.status")), "volume " + volume + " never became " + status);
	}

}
