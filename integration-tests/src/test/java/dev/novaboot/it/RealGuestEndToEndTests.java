package dev.novaboot.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.novaboot.it.SuiteClient.Response;
import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.testsupport.HostTools;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real guest on a real network: nova-compute with the {@code qemu} driver and
 * nova-network with the {@code linux} driver under {@code flat-dhcp}, both inside a
 * network namespace this test creates and removes (the machine's own networking is never
 * touched). The guest is {@code bin/build-test-guest}'s Debian kernel and busybox: its
 * serial console shows the kernel booting, the DHCP lease of exactly the fixed IP the
 * Networking API shows for its port and what the config drive told it; the bridge's
 * gateway address pings it; a volume hot-plugged into it shows up among its block devices,
 * an interface hot-plugged into it among its NICs until it is detached again;
 * a machine outside the cloud (another namespace on the external network) pings it by its
 * floating IP through a router's namespace; a delete leaves no tap, no QEMU, no DHCP host
 * entry and no NAT for the floating IP, and gives the volume back. VLAN networks are not
 * run here: the kernel of the project's machines has no {@code 8021q}.
 * KVM when {@code /dev/kvm} is usable, software emulation otherwise. Needs root and the
 * packages {@code .ci/run} installs.
 */
class RealGuestEndToEndTests {

	private static final CommandRunner host = new CommandRunner(List.of(), Duration.ofSeconds(30));

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String NAMESPACE = "nova-rg-" + SUFFIX;

	/** A machine on the external network, outside the cloud: it reaches guests only by their floating IPs. */
	private static final String OUTSIDE = "nova-rgx-" + SUFFIX;

	private static final String OUTSIDE_ADDRESS = "172.24.4.1";

	@TempDir
	static Path workDir;

	static Path networkState;

	static boolean namespaceCreated;

	static boolean outsideCreated;

	static String routerId;

	static String accelerator;

	static Suite suite;

	static SuiteClient admin;

	@BeforeAll
	static void startSuiteInANamespace() throws Exception {
		HostTools.require("root".equals(System.getProperty("user.name")),
				"a real guest on a real network needs root (network namespaces, taps, dnsmasq)");
		for (String tool : List.of("ip", "iptables", "dnsmasq", "qemu-system-x86_64", "qemu-img", "genisoimage", "ping",
				"apt-get", "dpkg-deb", "mkfs.vfat", "mcopy", "syslinux")) {
			HostTools.require(onPath(tool), "a real guest needs " + tool + " (apt: iproute2 iptables dnsmasq-base "
					+ "qemu-system-x86 qemu-utils genisoimage iputils-ping dosfstools mtools syslinux)");
		}
		Path images = Files.createDirectories(workDir.resolve("images"));
		Files.copy(buildTestGuest(), images.resolve("nova-test-guest.raw"));
		accelerator = acceleratorThatBoots(images.resolve("nova-test-guest.raw"));
		// dnsmasq reads its hosts file as user nobody: the state directory must be readable
		networkState = Files.createTempDirectory(Path.of("/tmp"), "nova-rg-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		host.run("ip", "netns", "add", NAMESPACE);
		namespaceCreated = true;
		inNamespace("ip", "link", "set", "lo", "up");
		suite = Suite.start(workDir, Map.of("volume", List.of("--nova.volume.driver=file",
				"--nova.volume.file.directory=" + workDir.resolve("volumes")), "network", List.of("--nova.network.driver=linux",
				"--nova.network.manager=flat-dhcp", "--nova.network.namespace=" + NAMESPACE,
				"--nova.network.flat-bridge=br-guest", "--nova.network.public-interface=lo",
				"--nova.network.state-directory=" + networkState),
				"compute", List.of("--nova.compute.driver=qemu", "--nova.compute.qemu.image-directory=" + images,
						"--nova.compute.qemu.state-directory=" + workDir.resolve("instances"),
						"--nova.compute.qemu.network-namespace=" + NAMESPACE,
						"--nova.compute.qemu.accelerator=" + accelerator)));
		admin = SuiteClient.login(suite.app("compute"), "admin", Suite.ADMIN_PASSWORD, "admin");
	}

	@AfterAll
	static void stopSuiteAndRemoveTheNamespace() throws Exception {
		try {
			if (suite != null) {
				suite.close();
			}
		}
		finally {
			// whatever a failed test left running: guests and dnsmasq
			ProcessHandle.allProcesses()
				.filter((process) -> process.info().commandLine().map(RealGuestEndToEndTests::leftBehind).orElse(false))
				.forEach(ProcessHandle::destroyForcibly);
			// the router's namespace is the network service's; a failed test may leave it
			String namespaces = host.run("ip", "netns", "list").stdout();
			if (routerId != null && namespaces.contains("qrouter-" + routerId)) {
				host.run("ip", "netns", "del", "qrouter-" + routerId);
			}
			if (outsideCreated) {
				host.run("ip", "netns", "del", OUTSIDE);
			}
			if (namespaceCreated) {
				host.run("ip", "netns", "del", NAMESPACE);
			}
			if (networkState != null) {
				FileSystemUtils.deleteRecursively(networkState);
			}
		}
	}

	@Test
	void aGuestBootsGetsItsFixedIpByDhcpAnswersPingAndDeleteLeavesNothing() throws Exception {
		SuiteProcess compute = suite.app("compute");
		SuiteProcess network = suite.app("network");
		String networkId = admin.post(network, "/v2.0/networks", "{\"network\": {\"name\": \"guest-net\"}}")
			.expect(201)
			.read("$.network.id");
		String subnetId = admin.post(network, "/v2.0/subnets", """
				{"subnet": {"network_id": "%s", "cidr": "10.77.0.0/24", "ip_version": 4}}""".formatted(networkId))
			.expect(201)
			.read("$.subnet.id");
		String publicKey = admin.post(compute, "/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"guest-key\"}}")
			.expect(200)
			.read("$.keypair.public_key");
		String image = admin.get(compute, "/image/v2/images").expect(200).read("$.images[0].id");

		long posted = System.nanoTime();
		String server = admin.post(compute, "/v2.1/servers", """
				{"server": {"name": "real-guest", "flavorRef": "1", "imageRef": "%s", "key_name": "guest-key",
				            "networks": [{"uuid": "%s"}]}}""".formatted(image, networkId))
			.expect(202)
			.read("$.server.id");
		String address = awaitPortAddress(network, server);
		awaitPing(compute, server, address);
		Duration bootToPing = Duration.ofNanos(System.nanoTime() - posted);
		System.out.println("Real guest: POST /servers to first ping in " + bootToPing.toMillis() + " ms ("
				+ (accelerator.equals("kvm") ? "KVM" : "software emulation (TCG)") + ")");

		Response port = admin.get(network, "/v2.0/ports?device_id=" + server).expect(200);
		String portId = port.<List<String>>read("$.ports[*].id").get(0);
		String mac = port.<List<String>>read("$.ports[*].mac_address").get(0);
		assertThat(admin.get(compute, "/v2.1/servers/" + server).expect(200).<List<String>>read(
				"$.server.addresses['guest-net'][*].addr")).containsExactly(address);
		String tap = "tap" + portId.substring(0, 11);
		assertThat(inNamespace("ip", "-o", "link", "show", "dev", tap)).contains("master br-guest");
		String console = awaitConsole(compute, server, "nova-test-guest: block devices:");
		System.out.println("Real guest's console:\n" + console);
		assertThat(console).contains("Linux version ")
			.contains("nova-test-guest: DHCP lease " + address + "/24 on eth0 from 10.77.0.1")
			.contains("inet " + address + "/24")
			.contains("nova-test-guest: config drive")
			.contains("instance name real-guest")
			.contains("nova-test-guest: public key " + publicKey.trim());
		assertThat(console.lines().filter((line) -> line.contains("DHCP lease ")))
			.allMatch((line) -> line.contains(" " + address + "/24 "));
		assertThat(lastBlockDevices(console)).contains("vda").doesNotContain("sda");

		// a volume hot-plugged into the running guest: a SCSI disk it finds by itself
		SuiteProcess volumes = suite.app("volume");
		String project = admin.projectId();
		String volumeId = admin.post(volumes, "/v3/" + project + "/volumes", "{\"volume\": {\"size\": 1}}")
			.expect(202)
			.read("$.volume.id");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> "available".equals(admin.get(volumes, "/v3/" + project + "/volumes/" + volumeId)
				.read("$.volume.status")));
		admin.post(compute, "/v2.1/servers/" + server + "/os-volume_attachments",
				"{\"volumeAttachment\": {\"volumeId\": \"%s\"}}".formatted(volumeId))
			.expect(200);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> lastBlockDevices(consoleOutput(compute, server)).contains("sda"));

		// an interface hot-plugged into the running guest and unplugged again: the guest sees
		// its NIC come and go, the tap goes with it, and the port the attach made is deleted
		Response attached = admin.post(compute, "/v2.1/servers/" + server + "/os-interface",
				"{\"interfaceAttachment\": {\"net_id\": \"%s\"}}".formatted(networkId)).expect(200);
		String secondPort = attached.read("$.interfaceAttachment.port_id");
		String secondMac = attached.read("$.interfaceAttachment.mac_addr");
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> lastNetworkInterfaces(consoleOutput(compute, server)).contains("eth1/" + secondMac));
		String secondTap = "tap" + secondPort.substring(0, 11);
		assertThat(inNamespace("ip", "-o", "link", "show", "dev", secondTap)).contains("master br-guest");
		admin.delete(compute, "/v2.1/servers/" + server + "/os-interface/" + secondPort).expect(202);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> admin.get(compute, "/v2.1/servers/" + server + "/os-interface")
				.<List<String>>read("$.interfaceAttachments[*].port_id")
				.equals(List.of(portId)));
		// the guest notices within its 2-second loop
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> lastNetworkInterfaces(consoleOutput(compute, server)).equals(List.of("eth0/" + mac)));
		assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain(secondTap);
		admin.get(network, "/v2.0/ports/" + secondPort).expect(404);

		// from outside the cloud, through a router, by the floating IP (ICMP allowed, as a user must)
		String floatingIp = reachByFloatingIp(network, subnetId, portId);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> admin.get(compute, "/v2.1/servers/" + server).<List<String>>read(
					"$.server.addresses['guest-net'][*].addr"), List.of(address, floatingIp)::equals);
		assertThat(inRouter("iptables", "-t", "nat", "-S")).contains("-d " + floatingIp + "/32 -j DNAT --to-destination " + address);

		admin.delete(compute, "/v2.1/servers/" + server).expect(204);
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> admin.get(compute, "/v2.1/servers/" + server).status() == 404);
		assertThat(inNamespace("ip", "-o", "link", "show")).doesNotContain(tap);
		assertThat(ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains("qemu"))
			.filter((process) -> process.info().commandLine().orElse("").contains(server))).isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> admin.get(network, "/v2.0/ports?device_id=" + server).expect(200).<List<Object>>read(
					"$.ports").isEmpty());
		assertThat(dhcpHosts()).doesNotContain(mac).doesNotContain(address);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> "available".equals(admin.get(volumes, "/v3/" + project + "/volumes/" + volumeId)
				.read("$.volume.status")));

		// the floating IP outlives its port, unassociated, and the router NATs it no more
		Response floating = admin.get(network, "/v2.0/floatingips?floating_ip_address=" + floatingIp).expect(200);
		assertThat(floating.<List<Object>>read("$.floatingips[*].port_id")).containsExactly((Object) null);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !inRouter("iptables", "-t", "nat", "-S").contains(floatingIp));
		assertThat(pings(OUTSIDE, floatingIp)).isFalse();
		admin.put(network, "/v2.0/routers/" + routerId + "/remove_router_interface",
				"{\"subnet_id\": \"%s\"}".formatted(subnetId)).expect(200);
		admin.delete(network, "/v2.0/floatingips/" + floating.<List<String>>read("$.floatingips[*].id").get(0))
			.expect(204);
		admin.delete(network, "/v2.0/routers/" + routerId).expect(204);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !host.run("ip", "netns", "list").stdout().contains("qrouter-" + routerId));
	}

	/**
	 * An external network on the same bridge with a machine of the outside world on it, a
	 * router from the guest's subnet to it, ICMP allowed into the default group and a
	 * floating IP on the guest's port; answers the floating address once the outside
	 * machine's pings come back.
	 */
	private static String reachByFloatingIp(SuiteProcess network, String subnetId, String portId) throws Exception {
		String external = admin.post(network, "/v2.0/networks",
				"{\"network\": {\"name\": \"public\", \"router:external\": true}}")
			.expect(201)
			.read("$.network.id");
		admin.post(network, "/v2.0/subnets", """
				{"subnet": {"network_id": "%s", "cidr": "172.24.4.0/24", "ip_version": 4, "gateway_ip": "%s",
				            "enable_dhcp": false}}""".formatted(external, OUTSIDE_ADDRESS))
			.expect(201);
		routerId = admin.post(network, "/v2.0/routers", """
				{"router": {"name": "guest-router", "external_gateway_info": {"network_id": "%s"}}}""".formatted(external))
			.expect(201)
			.read("$.router.id");
		admin.put(network, "/v2.0/routers/" + routerId + "/add_router_interface",
				"{\"subnet_id\": \"%s\"}".formatted(subnetId)).expect(200);
		String defaultGroup = admin.get(network, "/v2.0/security-groups?name=default&project_id=" + admin.projectId())
			.expect(200)
			.<List<String>>read("$.security_groups[*].id")
			.get(0);
		admin.post(network, "/v2.0/security-group-rules", """
				{"security_group_rule": {"security_group_id": "%s", "direction": "ingress", "ethertype": "IPv4",
				                         "protocol": "icmp"}}""".formatted(defaultGroup))
			.expect(201);
		String floatingIp = admin.post(network, "/v2.0/floatingips", """
				{"floatingip": {"floating_network_id": "%s", "port_id": "%s"}}""".formatted(external, portId))
			.expect(201)
			.read("$.floatingip.floating_ip_address");
		assertThat(floatingIp).startsWith("172.24.4.");

		host.run("ip", "netns", "add", OUTSIDE);
		outsideCreated = true;
		inNamespace("ip", "link", "add", "rgx-" + SUFFIX.substring(0, 6), "type", "veth", "peer", "name", "eth0");
		inNamespace("ip", "link", "set", "eth0", "netns", OUTSIDE);
		inNamespace("ip", "link", "set", "rgx-" + SUFFIX.substring(0, 6), "master", "br-guest", "up");
		in(OUTSIDE, "ip", "link", "set", "lo", "up");
		in(OUTSIDE, "ip", "addr", "add", OUTSIDE_ADDRESS + "/24", "dev", "eth0");
		in(OUTSIDE, "ip", "link", "set", "eth0", "up");
		// the outside has no route to the guest's fixed network: only the floating address can answer
		assertThat(in(OUTSIDE, "ip", "route")).doesNotContain("10.77.0.");
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> pings(OUTSIDE, floatingIp));
		return floatingIp;
	}

	private static String awaitPortAddress(SuiteProcess network, String server) {
		List<String> addresses = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			addresses.clear();
			addresses.addAll(admin.get(network, "/v2.0/ports?device_id=" + server)
				.expect(200)
				.<List<String>>read("$.ports[*].fixed_ips[*].ip_address"));
			return !addresses.isEmpty();
		});
		assertThat(addresses).hasSize(1);
		return addresses.get(0);
	}

	// from the bridge's side, which holds the gateway address, as the network host would
	private static void awaitPing(SuiteProcess compute, String server, String address) throws Exception {
		try {
			await().atMost(Duration.ofSeconds(100))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> pings(NAMESPACE, address));
		}
		catch (ConditionTimeoutException ex) {
			// what the guest and the bridge looked like, for whoever reads the failure
			throw new AssertionError("the guest never answered ping on " + address + "; server: "
					+ admin.get(compute, "/v2.1/servers/" + server).body() + "\nconsole:\n"
					+ admin.post(compute, "/v2.1/servers/" + server + "/action", "{\"os-getConsoleOutput\": {}}").body()
					+ "\nlinks:\n" + inNamespace("ip", "-o", "addr", "show"), ex);
		}
	}

	private static String awaitConsole(SuiteProcess compute, String server, String line) {
		String[] output = new String[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
			output[0] = consoleOutput(compute, server);
			return output[0].contains(line);
		});
		return output[0];
	}

	private static String consoleOutput(SuiteProcess compute, String server) throws Exception {
		return admin.post(compute, "/v2.1/servers/" + server + "/action", "{\"os-getConsoleOutput\": {}}")
			.expect(200)
			.read("$.output");
	}

	// the guest prints its block devices at boot and whenever they change
	private static List<String> lastBlockDevices(String console) {
		String line = console.lines()
			.filter((candidate) -> candidate.startsWith("nova-test-guest: block devices: "))
			.reduce((first, second) -> second)
			.orElse("nova-test-guest: block devices: ");
		return List.of(line.substring("nova-test-guest: block devices: ".length()).trim().split(" +"));
	}

	// the guest prints its network interfaces (name/MAC) at boot and whenever they change
	private static List<String> lastNetworkInterfaces(String console) {
		String prefix = "nova-test-guest: network interfaces: ";
		String line = console.lines()
			.filter((candidate) -> candidate.startsWith(prefix))
			.reduce((first, second) -> second)
			.orElse(prefix);
		return List.of(line.substring(prefix.length()).trim().split(" +"));
	}

	private static String dhcpHosts() throws IOException {
		StringBuilder hosts = new StringBuilder();
		try (var files = Files.list(networkState)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().endsWith(".hosts")).toList()) {
				hosts.append(Files.readString(file));
			}
		}
		return hosts.toString();
	}

	/**
	 * KVM where it runs the guest, TCG otherwise: a nested KVM (as on some CI machines) opens
	 * {@code /dev/kvm} and then fails to emulate the boot loader ("KVM internal error ...
	 * emulation failure"), which the driver's {@code auto} cannot know before the guest runs.
	 */
	private static String acceleratorThatBoots(Path image) throws IOException, InterruptedException {
		if (!Files.isReadable(Path.of("/dev/kvm")) || !Files.isWritable(Path.of("/dev/kvm"))) {
			return "tcg";
		}
		Path console = workDir.resolve("kvm-probe.log");
		Process qemu = new ProcessBuilder("qemu-system-x86_64", "-accel", "kvm", "-m", "256", "-display", "none", "-serial",
				"file:" + console, "-monitor", "none", "-nic", "none", "-drive",
				"file=" + image + ",format=raw,snapshot=on")
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("kvm-probe.err").toFile())
			.start();
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (System.nanoTime() < deadline && qemu.isAlive()) {
				if (Files.exists(console) && Files.readString(console).contains("Linux version ")) {
					return "kvm";
				}
				if (Files.readString(workDir.resolve("kvm-probe.err")).contains("KVM internal error")) {
					return "tcg";
				}
				Thread.sleep(200);
			}
			return "tcg";
		}
		finally {
			qemu.destroyForcibly().waitFor();
		}
	}

	private static Path buildTestGuest() throws IOException, InterruptedException {
		Path root = Path.of(System.getProperty("nova.suite.root", "..")).toAbsolutePath().normalize();
		Path image = root.resolve("integration-tests/target/guest/nova-test-guest.raw");
		Process build = new ProcessBuilder(root.resolve("bin/build-test-guest").toString(), image.toString())
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("build-test-guest.log").toFile())
			.start();
		if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
			build.destroyForcibly();
			throw new IllegalStateException("bin/build-test-guest failed: "
					+ Files.readString(workDir.resolve("build-test-guest.log")));
		}
		return image;
	}

	private static boolean leftBehind(String commandLine) {
		return commandLine.contains(workDir.toString())
				|| (networkState != null && commandLine.contains(networkState.toString()));
	}

	private static String inNamespace(String... command) {
		return in(NAMESPACE, command);
	}

	private static String inRouter(String... command) {
		return in("qrouter-" + routerId, command);
	}

	private static String in(String namespace, String... command) {
		List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
		full.addAll(List.of(command));
		return host.run(full, Duration.ofSeconds(30)).stdout();
	}

	private static boolean pings(String namespace, String address) {
		try {
			in(namespace, "ping", "-c", "1", "-W", "1", address);
			return true;
		}
		catch (CommandFailedException ex) {
			return false;
		}
	}

	private static boolean onPath(String tool) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (Files.isExecutable(Path.of(dir, tool))) {
				return true;
			}
		}
		return false;
	}

}
