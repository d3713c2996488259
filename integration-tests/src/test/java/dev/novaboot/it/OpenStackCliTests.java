package dev.novaboot.it;

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

	@BeforeAll
	static void startSuite() throws Exception {
		suite = Suite.start(workDir, Map.of());
		admin = OpenStackCli.as(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
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
	void serversBootInPairsWithPropertiesAreFilteredRenamedShownAndLogTheirBoot() {
		admin.run("network", "create", "cli-fields-net");
		admin.run("subnet", "create", "--network", "cli-fields-net", "--subnet-range", "10.41.0.0/24",
				"cli-fields-subnet");
		DocumentContext first = admin.json("server", "create", "--flavor", "m1.tiny", "--image",
				"cirros-0.6.2-x86_64-disk", "--network", "cli-fields-net", "--property", "role=web", "--min", "2",
				"--max", "2", "--wait", "cli-pair");
		// Nova's multi_instance_display_name_template: name-1, name-2
		assertThat(first.<String>read("$.name")).isEqualTo("cli-pair-1");
		awaitServers("^cli-pair-", 2);

		DocumentContext pair = admin.json("server", "list", "--name", "^cli-pair-", "--status", "ACTIVE", "--flavor",
				"m1.tiny", "--image", "cirros-0.6.2-x86_64-disk");
		assertThat(pair.<List<String>>read("$[*].Name")).containsExactlyInAnyOrder("cli-pair-1", "cli-pair-2");
		assertThat(admin.json("server", "list", "--name", "^cli-pair-", "--flavor", "m1.small").<List<Object>>read("$[*]"))
			.isEmpty();
		assertThat(admin.json("server", "list", "--name", "^cli-pair-", "--limit", "1").<List<Object>>read("$[*]"))
			.hasSize(1);

		admin.run("server", "set", "--name", "cli-renamed", "cli-pair-1");
		DocumentContext shown = admin.json("server", "show", "cli-renamed");
		assertThat(shown.<String>read("$.name")).isEqualTo("cli-renamed");
		assertThat(shown.<Object>read("$.properties").toString()).contains("role").contains("web");
		assertThat(shown.<Object>read("$.addresses").toString()).contains("10.41.0.");

		String log = admin.run("console", "log", "show", "cli-renamed").stdout();
		assertThat(log).contains("Linux version", "cloud-init", "10.41.0.", "login:");
		String tail = admin.run("console", "log", "show", "--lines", "5", "cli-renamed").stdout();
		assertThat(tail.strip().lines()).hasSizeLessThanOrEqualTo(5).anySatisfy((line) -> assertThat(line).contains("login:"));

		admin.run("server", "delete", "--wait", "cli-renamed", "cli-pair-2");
		assertThat(admin.json("server", "list", "--name", "^cli-(pair|renamed)").<List<Object>>read("$[*]")).isEmpty();
		admin.run("subnet", "delete", "cli-fields-subnet");
		admin.run("network", "delete", "cli-fields-net");
	}

	private static void awaitServers(String name, int active) {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (admin.json("server", "list", "--name", name, "--status", "ACTIVE").<List<Object>>read("$[*]")
			.size() < active) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("fewer than " + active + " servers " + name + " became ACTIVE");
			}
		}
	}

	private static void awaitVolume(String volume, String status) {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (!status.equals(admin.json("volume", "show", volume).read("$.status"))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("volume " + volume + " never became " + status);
			}
		}
	}

}
