package dev.novaboot.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
	void interfacesAreAttachedAndDetachedFromTheCli() throws Exception {
		admin.run("network", "create", "cli-nic-net");
		admin.run("subnet", "create", "--network", "cli-nic-net", "--subnet-range", "10.41.0.0/24", "cli-nic-subnet");
		String id = admin.json("server", "create", "--flavor", "m1.tiny", "--image", "cirros-0.6.2-x86_64-disk",
				"--network", "cli-nic-net", "--wait", "cli-nic").read("$.id");
		String port = admin.json("port", "create", "--network", "cli-nic-net", "cli-nic-port").read("$.id");

		// os-interface through the real network service: the user's port bound, then a new one on the network
		admin.run("server", "add", "port", "cli-nic", "cli-nic-port");
		assertThat(admin.json("port", "show", port).<String>read("$.device_id")).isEqualTo(id);
		admin.run("server", "add", "network", "cli-nic", "cli-nic-net");
		assertThat(admin.json("port", "list", "--server", id).<List<Object>>read("$[*]")).hasSize(3);
		assertThat(rest.get(suite.app("compute"), "/v2.1/servers/" + id + "/os-interface")
			.expect(200)
			.<List<Object>>read("$.interfaceAttachments")).hasSize(3);
		assertThat(admin.json("server", "show", id).<Object>read("$.addresses").toString().split("10\\.41\\.0\\."))
			.hasSize(4);

		// detached, the user's port is unbound and kept
		admin.run("server", "remove", "port", "cli-nic", "cli-nic-port");
		await(() -> "".equals(rest.get(suite.app("network"), "/v2.0/ports/" + port).expect(200).read("$.port.device_id")),
				"port " + port + " was never unbound");
		assertThat(admin.json("port", "list", "--server", id).<List<Object>>read("$[*]")).hasSize(2);

		admin.run("server", "delete", "--wait", "cli-nic");
		// the CLI finds no server to list the ports of any more: the network service says it
		assertThat(rest.get(suite.app("network"), "/v2.0/ports?device_id=" + id).expect(200).<List<Object>>read("$.ports"))
			.isEmpty();
		assertThat(admin.json("port", "show", port).<String>read("$.device_id")).isEmpty();
		admin.run("port", "delete", "cli-nic-port");
		admin.run("subnet", "delete", "cli-nic-subnet");
		admin.run("network", "delete", "cli-nic-net");
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

	@Test
	void volumesSnapshotsTypesServicesAndQuotasThroughTheVolumeCommands() {
		admin.run("volume", "type", "create", "--property", "tier=silver", "cli-type");
		admin.run("volume", "type", "set", "--property", "tier=gold", "cli-type");
		assertThat(admin.json("volume", "type", "list").<List<String>>read("$[*].Name")).contains("cli-type",
				"__DEFAULT__");
		admin.run("volume", "type", "create", "--private", "--project", "admin", "cli-private");
		assertThat(admin.json("volume", "type", "show", "cli-private").<Object>read("$.access_project_ids").toString())
			.isNotEmpty()
			.isNotEqualTo("[]");
		admin.run("volume", "type", "unset", "--project", "admin", "cli-private");
		admin.run("volume", "type", "delete", "cli-private");

		String volume = admin.json("volume", "create", "--size", "1", "--type", "cli-type", "--property",
				"purpose=cli", "cli-vol-a").read("$.id");
		awaitVolume(volume, "available");
		admin.run("volume", "set", "--name", "cli-vol-b", "--property", "owner=ops", "--bootable", "--read-only",
				"--size", "2", volume);
		DocumentContext shown = admin.json("volume", "show", volume);
		assertThat(shown.<String>read("$.name")).isEqualTo("cli-vol-b");
		assertThat(shown.<Integer>read("$.size")).isEqualTo(2);
		assertThat(shown.<String>read("$.type")).isEqualTo("cli-type");
		assertThat(String.valueOf(shown.<Object>read("$.bootable"))).isEqualTo("true");
		assertThat(shown.<Object>read("$.properties").toString()).contains("purpose").contains("owner");
		assertThat(admin.json("volume", "list", "--long").<List<String>>read("$[*].Name")).contains("cli-vol-b");

		admin.run("volume", "set", "--read-write", volume);
		String snapshot = admin.json("volume", "snapshot", "create", "--volume", "cli-vol-b", "cli-snap").read("$.id");
		admin.run("volume", "snapshot", "set", "--name", "cli-snap-2", "--property", "kind=nightly", snapshot);
		DocumentContext snapshotShown = admin.json("volume", "snapshot", "show", "cli-snap-2");
		assertThat(snapshotShown.<String>read("$.status")).isEqualTo("available");
		assertThat(snapshotShown.<Object>read("$.properties").toString()).contains("nightly");
		String fromSnapshot = admin.json("volume", "create", "--snapshot", "cli-snap-2", "--size", "2",
				"cli-from-snap").read("$.id");
		String clone = admin.json("volume", "create", "--source", "cli-vol-b", "--size", "2", "cli-clone").read("$.id");
		awaitVolume(fromSnapshot, "available");
		awaitVolume(clone, "available");

		// a volume from an image is bootable; a volume uploaded as an image is an image of the Image API
		String fromImage = admin.json("volume", "create", "--image", "cli-disk", "--size", "1", "cli-from-image")
			.read("$.id");
		awaitVolume(fromImage, "available");
		assertThat(String.valueOf(admin.json("volume", "show", fromImage).<Object>read("$.bootable"))).isEqualTo("true");
		admin.run("image", "create", "--volume", fromImage, "cli-uploaded");
		awaitVolume(fromImage, "available");
		assertThat(admin.json("image", "list").<List<String>>read("$[*].Name")).contains("cli-uploaded");

		String host = admin.json("volume", "service", "list").<List<String>>read("$[?(@.Binary == 'nova-volume')].Host")
			.get(0);
		admin.run("volume", "service", "set", "--disable", "--disable-reason", "maintenance", host, "nova-volume");
		assertThat(admin.json("volume", "service", "list", "--long").<List<String>>read(
				"$[?(@.Binary == 'nova-volume')]['Disabled Reason']")).containsExactly("maintenance");
		admin.run("volume", "service", "set", "--enable", host, "nova-volume");
		assertThat(admin.json("volume", "service", "list").<List<String>>read("$[?(@.Binary == 'nova-volume')].Status"))
			.containsExactly("enabled");

		admin.run("quota", "set", "--volumes", "50", "--gigabytes", "500", "admin");
		// the volume part of "quota show", which also asks compute and network for theirs
		DocumentContext quotas = admin.json("quota", "list", "--volume", "--project", "admin");
		assertThat(quotas.<List<Integer>>read("$[*].Volumes")).containsExactly(50);
		assertThat(quotas.<List<Integer>>read("$[*].Gigabytes")).containsExactly(500);

		admin.run("volume", "delete", fromSnapshot, clone, fromImage);
		admin.run("volume", "delete", "--purge", volume);
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (admin.json("volume", "list").<List<String>>read("$[*].ID").contains(volume)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("volume " + volume + " was never deleted");
			}
		}
		assertThat(admin.json("volume", "snapshot", "list").<List<String>>read("$[*].ID")).doesNotContain(snapshot);
		admin.run("volume", "type", "delete", "cli-type");
	}

	@Test
	void theNetworkingExtensionsAreListed() {
		assertThat(admin.json("extension", "list", "--network").<List<String>>read("$[*].Alias")).contains("router",
				"ext-gw-mode", "external-net", "security-group", "pagination", "sorting", "extraroute");
	}

	@Test
	void aRouterJoinsASubnetToTheOutsideAndAFloatingIpIsBoundThroughIt() {
		String external = admin.json("network", "create", "--external", "cli-public").read("$.id");
		admin.run("subnet", "create", "--network", "cli-public", "--subnet-range", "100.64.250.0/24", "--no-dhcp",
				"cli-public-subnet");
		admin.run("network", "create", "cli-rt-net");
		String subnet = admin.json("subnet", "create", "--network", "cli-rt-net", "--subnet-range", "10.41.0.0/24",
				"cli-rt-subnet").read("$.id");

		String router = admin.json("router", "create", "cli-router").read("$.id");
		admin.run("router", "set", "--external-gateway", "cli-public", "cli-router");
		assertThat(admin.json("router", "show", "cli-router").<Object>read("$.external_gateway_info").toString())
			.contains(external);
		admin.run("router", "add", "subnet", "cli-router", "cli-rt-subnet");
		assertThat(admin.json("port", "list", "--router", router).<List<Object>>read("$[*]")).hasSize(2);
		// a static route through a host of the router's subnet (extraroute)
		admin.run("router", "set", "--route", "destination=192.168.50.0/24,gateway=10.41.0.60", "cli-router");
		DocumentContext routed = admin.json("router", "show", "cli-router");
		assertThat(routed.<List<String>>read("$.routes[*].destination")).containsExactly("192.168.50.0/24");
		assertThat(routed.<List<String>>read("$.routes[*].nexthop")).containsExactly("10.41.0.60");
		admin.run("router", "unset", "--route", "destination=192.168.50.0/24,gateway=10.41.0.60", "cli-router");

		String port = admin.json("port", "create", "--network", "cli-rt-net", "cli-rt-port").read("$.id");
		admin.run("port", "set", "--fixed-ip", "subnet=" + subnet + ",ip-address=10.41.0.50", "cli-rt-port");
		assertThat(admin.json("port", "show", port).<Object>read("$.fixed_ips").toString()).contains("10.41.0.50");
		String floating = admin.json("floating", "ip", "create", "cli-public").read("$.id");
		admin.run("floating", "ip", "set", "--port", "cli-rt-port", floating);
		DocumentContext bound = admin.json("floating", "ip", "show", floating);
		assertThat(bound.<String>read("$.port_id")).isEqualTo(port);
		assertThat(bound.<String>read("$.router_id")).isEqualTo(router);
		assertThat(bound.<String>read("$.fixed_ip_address")).startsWith("10.41.0.");

		admin.run("floating", "ip", "unset", "--port", floating);
		admin.run("floating", "ip", "delete", floating);
		admin.run("port", "delete", "cli-rt-port");
		admin.run("router", "remove", "subnet", "cli-router", "cli-rt-subnet");
		admin.run("router", "unset", "--external-gateway", "cli-router");
		admin.run("router", "delete", "cli-router");
		assertThat(admin.json("router", "list").<List<String>>read("$[*].Name")).doesNotContain("cli-router");
		admin.run("subnet", "delete", "cli-rt-subnet");
		admin.run("network", "delete", "cli-rt-net");
		admin.run("subnet", "delete", "cli-public-subnet");
		admin.run("network", "delete", "cli-public");
	}

	@Test
	void anIpv6SlaacSubnetShowsItsModes() {
		admin.run("network", "create", "cli-v6-net");
		admin.run("subnet", "create", "--ip-version", "6", "--ipv6-address-mode", "slaac", "--ipv6-ra-mode", "slaac",
				"--subnet-range", "fd00:1::/64", "--network", "cli-v6-net", "cli-v6-subnet");
		DocumentContext subnet = admin.json("subnet", "show", "cli-v6-subnet");
		assertThat(subnet.<Integer>read("$.ip_version")).isEqualTo(6);
		assertThat(subnet.<String>read("$.ipv6_address_mode")).isEqualTo("slaac");
		assertThat(subnet.<String>read("$.ipv6_ra_mode")).isEqualTo("slaac");
		assertThat(subnet.<String>read("$.gateway_ip")).isEqualTo("fd00:1::1");
		admin.run("subnet", "delete", "cli-v6-subnet");
		admin.run("network", "delete", "cli-v6-net");
	}

	@Test
	void networkQuotasAreShownAndSetThroughTheQuotaCommands() {
		// --detail reads quota_details: limit, in use, reserved
		DocumentContext details = admin.json("quota", "list", "--network", "--detail", "--project", "admin");
		assertThat(details.<List<Integer>>read("$[?(@.Resource == 'networks')].Limit")).containsExactly(100);
		assertThat(details.<List<Integer>>read("$[?(@.Resource == 'ports')].Limit")).containsExactly(500);
		assertThat(details.<List<Integer>>read("$[?(@.Resource == 'networks')].Reserved")).containsExactly(0);
		admin.run("quota", "set", "--networks", "50", "admin");
		try {
			// without --detail, only a project whose quotas differ from the defaults is listed
			assertThat(admin.json("quota", "list", "--network", "--project", "admin").<List<Integer>>read(
					"$[*].Networks")).containsExactly(50);
			// quota show asks compute, volume and network for the project's quotas
			DocumentContext all = admin.json("quota", "show", "admin");
			assertThat(all.<Integer>read("$.networks")).isEqualTo(50);
			assertThat(all.<Integer>read("$.instances")).isEqualTo(10);
			assertThat(all.<Integer>read("$.key-pairs")).isEqualTo(100);
			assertThat(all.jsonString()).contains("volumes").contains("ports");
		}
		finally {
			// back to Neutron's default for the other tests of the suite
			admin.run("quota", "set", "--networks", "100", "admin");
		}
		assertThat(admin.json("quota", "list", "--network", "--detail", "--project", "admin").<List<Integer>>read(
				"$[?(@.Resource == 'networks')].Limit")).containsExactly(100);
	}

	@Test
	void securityGroupsAndTheirRulesAreManaged() {
		admin.run("security", "group", "create", "--description", "web servers", "cli-sg");
		String rule = admin.json("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22",
				"--remote-ip", "0.0.0.0/0", "cli-sg").read("$.id");
		assertThat(admin.json("security", "group", "rule", "list", "cli-sg").<List<String>>read("$[*].ID")).contains(rule);
		assertThat(admin.json("security", "group", "list").<List<String>>read("$[*].Name")).contains("cli-sg", "default");
		admin.run("security", "group", "rule", "delete", rule);
		assertThat(admin.json("security", "group", "rule", "list", "cli-sg").<List<String>>read("$[*].ID"))
			.doesNotContain(rule);

		// a server in the group, then moved between groups by Nova's actions
		admin.run("network", "create", "cli-sg-net");
		admin.run("subnet", "create", "--network", "cli-sg-net", "--subnet-range", "10.42.0.0/24", "cli-sg-subnet");
		DocumentContext server = admin.json("server", "create", "--flavor", "m1.tiny", "--image",
				"cirros-0.6.2-x86_64-disk", "--network", "cli-sg-net", "--security-group", "cli-sg", "cli-sg-server");
		// the create answer echoes the request (the CLI sends the group's id); the server shows its name
		assertThat(server.<Object>read("$.security_groups").toString())
			.contains(admin.json("security", "group", "show", "cli-sg").<String>read("$.id"));
		assertThat(awaitServer(server.read("$.id"), "ACTIVE").<Object>read("$.security_groups").toString())
			.contains("cli-sg")
			.doesNotContain("default");
		// this CLI finds the group through Nova's os-security-groups proxy, which takes ids only (as Nova's)
		String defaultGroup = admin.json("security", "group", "list", "--project", "admin")
			.<List<String>>read("$[?(@.Name == 'default')].ID")
			.get(0);
		String cliGroup = admin.json("security", "group", "show", "cli-sg").read("$.id");
		admin.run("server", "add", "security", "group", "cli-sg-server", defaultGroup);
		admin.run("server", "remove", "security", "group", "cli-sg-server", cliGroup);
		assertThat(admin.json("server", "show", "cli-sg-server").<Object>read("$.security_groups").toString())
			.contains("default")
			.doesNotContain("cli-sg");
		String port = admin.json("port", "list", "--server", "cli-sg-server").read("$[0].ID");
		assertThat(admin.json("port", "show", port).<Object>read("$.security_group_ids").toString())
			.contains(defaultGroup)
			.doesNotContain(cliGroup);
		// a boot naming a group the project has not is refused, and no server is made
		OpenStackCli.Result refused = admin.attempt("server", "create", "--flavor", "m1.tiny", "--image",
				"cirros-0.6.2-x86_64-disk", "--network", "cli-sg-net", "--security-group", "no-such-group",
				"cli-sg-refused");
		assertThat(refused.exitCode()).isNotZero();
		assertThat(refused.stderr()).contains("no-such-group");
		assertThat(admin.json("server", "list", "--name", "cli-sg-refused").<List<Object>>read("$[*]")).isEmpty();
		admin.run("server", "delete", server.<String>read("$.id"));
		awaitGone(server.<String>read("$.id"));
		admin.run("subnet", "delete", "cli-sg-subnet");
		admin.run("network", "delete", "cli-sg-net");
		admin.run("security", "group", "delete", "cli-sg");
		assertThat(admin.json("security", "group", "list").<List<String>>read("$[*].Name")).doesNotContain("cli-sg");
	}

	@Test
	void serversBootInPairsWithPropertiesAreFilteredRenamedShownAndLogTheirBoot() throws Exception {
		admin.run("network", "create", "cli-fields-net");
		admin.run("subnet", "create", "--network", "cli-fields-net", "--subnet-range", "10.41.0.0/24",
				"cli-fields-subnet");
		DocumentContext first = admin.json("server", "create", "--flavor", "m1.tiny", "--image",
				"cirros-0.6.2-x86_64-disk", "--network", "cli-fields-net", "--property", "role=web", "--min", "2",
				"--max", "2", "cli-pair");
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

		List<String> pairIds = rest.get(suite.app("compute"), "/v2.1/servers?name=" + encoded("^cli-(pair|renamed)"))
			.read("$.servers[*].id");
		admin.run("server", "delete", "cli-renamed", "cli-pair-2");
		awaitGone(pairIds.toArray(String[]::new));
		assertThat(admin.json("server", "list", "--name", "^cli-(pair|renamed)").<List<Object>>read("$[*]")).isEmpty();
		admin.run("subnet", "delete", "cli-fields-subnet");
		admin.run("network", "delete", "cli-fields-net");
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

	private static void await(Callable<Boolean> done, String failure) {
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
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
