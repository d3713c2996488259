package dev.novaboot.network.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.novaboot.network.driver.DhcpConfig.DhcpHost;
import dev.novaboot.network.manager.Ipv4;
import dev.novaboot.network.manager.Ipv6;

/**
 * One dnsmasq per network, as Nova ran it: a configuration file and a hosts file (one
 * {@code mac,hostname,address} line per allocated address) under the state directory, a
 * pid file, started when missing, sent {@code SIGHUP} when only the hosts changed (dnsmasq
 * then re-reads the hosts file) and restarted when its configuration changed.
 * Serves DHCP only ({@code port=0}: no DNS), on the network's bridge; with IPv6 subnets
 * also router advertisements ({@code enable-ra}) and DHCPv6 as each subnet's mode asks.
 */
public class Dnsmasq {

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

	private static final Pattern ROUTE_DESTINATION = Pattern.compile("[0-9.]{7,15}/[0-9]{1,2}");

	private final HostCommands commands;

	private final Path stateDirectory;

	public Dnsmasq(HostCommands commands, Path stateDirectory) {
		this.commands = commands;
		this.stateDirectory = stateDirectory.toAbsolutePath().normalize();
	}

	/** Writes the files and makes the running server match them. */
	public void update(DhcpConfig config) {
		String id = checkNetworkId(config.networkId());
		createStateDirectory();
		String hosts = hostsFile(config);
		String conf = configuration(config, id);
		boolean confChanged = write(file(id, "conf"), conf);
		boolean hostsChanged = write(file(id, "hosts"), hosts);
		Optional<Long> pid = runningPid(id);
		if (pid.isPresent() && confChanged) {
			this.commands.run("kill", "-TERM", String.valueOf(pid.get()));
			awaitExit(pid.get());
			pid = Optional.empty();
		}
		if (pid.isEmpty()) {
			this.commands.run("dnsmasq", "--conf-file=" + file(id, "conf"));
		}
		else if (hostsChanged) {
			this.commands.run("kill", "-HUP", String.valueOf(pid.get()));
		}
	}

	public void stop(String networkId) {
		String id = checkNetworkId(networkId);
		runningPid(id).ifPresent((pid) -> {
			this.commands.run("kill", "-TERM", String.valueOf(pid));
			awaitExit(pid);
		});
		for (String kind : new String[] { "conf", "hosts", "pid" }) {
			try {
				Files.deleteIfExists(file(id, kind));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/** The pid of this network's dnsmasq, if one runs (checked against its command line, as Nova did). */
	public Optional<Long> runningPid(String networkId) {
		Path pidFile = file(checkNetworkId(networkId), "pid");
		try {
			if (!Files.exists(pidFile)) {
				return Optional.empty();
			}
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			Path cmdline = Path.of("/proc", String.valueOf(pid), "cmdline");
			if (Files.exists(cmdline) && Files.readString(cmdline, StandardCharsets.UTF_8)
				.contains(file(networkId, "conf").toString())) {
				return Optional.of(pid);
			}
			return Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	public Path file(String networkId, String kind) {
		return this.stateDirectory.resolve("dnsmasq-" + networkId + "." + kind);
	}

	private static String hostsFile(DhcpConfig config) {
		StringBuilder hosts = new StringBuilder();
		for (DhcpHost host : config.hosts()) {
			boolean ipv6 = Ipv6.isValid(host.address());
			if ((!ipv6 && !Ipv4.isValid(host.address()))
					|| !dev.novaboot.network.manager.MacAddresses.isValid(host.macAddress())
					|| !HOSTNAME.matcher(host.hostname()).matches()) {
				throw new IllegalArgumentException("Invalid DHCP host entry " + host);
			}
			// dnsmasq reads an IPv6 address of a host in brackets
			hosts.append(host.macAddress()).append(',').append(host.hostname()).append(',')
				.append(ipv6 ? "[" + host.address() + "]" : host.address())
				.append('\n');
		}
		return hosts.toString();
	}

	private String configuration(DhcpConfig config, String id) {
		boolean ipv4 = config.network() != null;
		for (String address : new String[] { config.gateway(), config.network(), config.netmask() }) {
			if (ipv4 && !Ipv4.isValid(address)) {
				throw new IllegalArgumentException("Invalid address '" + address + "' in DHCP configuration");
			}
		}
		StringBuilder conf = new StringBuilder();
		conf.append("# written by nova-network for network ").append(id).append('\n');
		conf.append("interface=").append(config.bridge()).append('\n');
		conf.append("bind-interfaces\n");
		conf.append("except-interface=lo\n");
		conf.append("port=0\n");
		conf.append("leasefile-ro\n");
		conf.append("dhcp-authoritative\n");
		conf.append("pid-file=").append(file(id, "pid")).append('\n');
		conf.append("dhcp-hostsfile=").append(file(id, "hosts")).append('\n');
		ipv6(config, conf);
		if (!ipv4) {
			return conf.toString();
		}
		// static: only hosts in the hosts file get an address
		conf.append("dhcp-range=set:net,")
			.append(config.network())
			.append(",static,")
			.append(config.netmask())
			.append(',')
			.append(Math.max(120, config.leaseTime().toSeconds()))
			.append("s\n");
		conf.append("dhcp-option=tag:net,option:router,").append(config.gateway()).append('\n');
		if (!config.dns().isEmpty()) {
			for (String dns : config.dns()) {
				if (!Ipv4.isValid(dns)) {
					throw new IllegalArgumentException("Invalid DNS server '" + dns + "'");
				}
			}
			conf.append("dhcp-option=tag:net,option:dns-server,").append(String.join(",", config.dns())).append('\n');
		}
		if (!config.routes().isEmpty()) {
			String routes = classlessStaticRoutes(config);
			conf.append("dhcp-option=tag:net,option:classless-static-route,").append(routes).append('\n');
			// Windows clients read the same routes from option 249, as Neutron's dnsmasq driver writes them
			conf.append("dhcp-option=tag:net,249,").append(routes).append('\n');
		}
		return conf.toString();
	}

	/**
	 * Per IPv6 subnet a range whose mode is the subnet's: {@code ra-only} for SLAAC (router
	 * advertisements with the prefix, no DHCPv6), {@code ra-stateless} for
	 * DHCPv6-stateless (SLAAC addresses, DHCPv6 for the other options) and {@code static}
	 * for DHCPv6-stateful (the managed flag; only the hosts of the hosts file get an
	 * address, as Neutron's dnsmasq serves its stateful subnets).
	 */
	private void ipv6(DhcpConfig config, StringBuilder conf) {
		if (config.ipv6().isEmpty()) {
			return;
		}
		conf.append("enable-ra\n");
		int index = 0;
		for (DhcpConfig.Ipv6Range range : config.ipv6()) {
			if (!Ipv6.isValid(range.prefix()) || range.prefixLength() < 64 || range.prefixLength() > 126) {
				throw new IllegalArgumentException("Invalid IPv6 range '" + range.prefix() + "/" + range.prefixLength() + "'");
			}
			String mode = switch ((range.mode() != null) ? range.mode() : "dhcpv6-stateful") {
				case "slaac" -> "ra-only";
				case "dhcpv6-stateless" -> "ra-stateless";
				case "dhcpv6-stateful" -> "static";
				default -> throw new IllegalArgumentException("Unknown IPv6 mode '" + range.mode() + "'");
			};
			String tag = "v6-" + index++;
			conf.append("dhcp-range=set:").append(tag).append(',').append(range.prefix()).append(',').append(mode)
				.append(',').append(range.prefixLength()).append(',')
				.append(Math.max(120, config.leaseTime().toSeconds())).append("s\n");
			if (!range.dns().isEmpty()) {
				for (String dns : range.dns()) {
					if (!Ipv6.isValid(dns)) {
						throw new IllegalArgumentException("Invalid DNS server '" + dns + "'");
					}
				}
				conf.append("dhcp-option=tag:").append(tag).append(",option6:dns-server,")
					.append(String.join(",", range.dns().stream().map((dns) -> "[" + dns + "]").toList())).append('\n');
			}
		}
	}

	// a client that gets classless static routes ignores the router option (RFC 3442): the
	// default route through the gateway goes with them, as Neutron's dnsmasq driver does
	private static String classlessStaticRoutes(DhcpConfig config) {
		StringBuilder routes = new StringBuilder();
		for (DhcpConfig.HostRoute route : config.routes()) {
			if (!ROUTE_DESTINATION.matcher(route.destination()).matches()
					|| !Ipv4.isValid(route.destination().substring(0, route.destination().indexOf('/')))
					|| !Ipv4.isValid(route.nexthop())) {
				throw new IllegalArgumentException("Invalid host route '" + route.destination() + " via "
						+ route.nexthop() + "'");
			}
			routes.append(route.destination()).append(',').append(route.nexthop()).append(',');
		}
		return routes.append("0.0.0.0/0,").append(config.gateway()).toString();
	}

	private void createStateDirectory() {
		try {
			Files.createDirectories(this.stateDirectory);
			// dnsmasq re-reads the hosts file after dropping root, as user nobody
			Files.setPosixFilePermissions(this.stateDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the state directory " + this.stateDirectory, ex);
		}
	}

	/** Writes the file if its content differs; tells whether it did. */
	private static boolean write(Path file, String content) {
		try {
			if (Files.exists(file) && Files.readString(file).equals(content)) {
				return false;
			}
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temp, content);
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
			Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
					java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	private static void awaitExit(long pid) {
		ProcessHandle.of(pid).ifPresent((process) -> {
			try {
				process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
			}
		});
	}

	private static String checkNetworkId(String networkId) {
		if (networkId == null || !UUID.matcher(networkId).matches()) {
			throw new IllegalArgumentException("'" + networkId + "' is not a network uuid");
		}
		return networkId;
	}

}
