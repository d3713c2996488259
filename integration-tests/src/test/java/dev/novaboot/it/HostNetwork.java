package dev.novaboot.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;

/**
 * Hosts made of network namespaces, as the multi-host tests need them: one namespace per
 * host, each with a veth pair to one bridge in the machine's own namespace and one
 * address of a private {@code /24} that exists only on that bridge and in the
 * namespaces (the bridge holds {@code .1}, the gateway the forwarders of PostgreSQL and
 * RabbitMQ listen on). Names carry a random suffix so that runs never meet; everything
 * made here is removed by {@link #close()}, also after a failure half-way.
 */
final class HostNetwork implements AutoCloseable {

	private static final CommandRunner host = new CommandRunner(List.of(), Duration.ofSeconds(30));

	private final String suffix = UUID.randomUUID().toString().substring(0, 6);

	private final String bridge = "nvmh" + this.suffix;

	private final String subnet;

	private final Map<String, Integer> hosts = new LinkedHashMap<>();

	private final List<String> namespaces = new ArrayList<>();

	private boolean bridgeCreated;

	private HostNetwork(String subnet) {
		this.subnet = subnet;
	}

	/** Makes the bridge and one namespace per name, each reachable from the others. */
	static HostNetwork create(List<String> names) {
		HostNetwork network = new HostNetwork(freeSubnet());
		try {
			host.run("ip", "link", "add", network.bridge, "type", "bridge");
			network.bridgeCreated = true;
			host.run("ip", "addr", "add", network.gateway() + "/24", "dev", network.bridge);
			host.run("ip", "link", "set", network.bridge, "up");
			for (String name : names) {
				network.add(name);
			}
			return network;
		}
		catch (RuntimeException ex) {
			network.close();
			throw ex;
		}
	}

	private void add(String name) {
		int index = this.hosts.size() + 10;
		String namespace = namespace(name);
		host.run("ip", "netns", "add", namespace);
		this.namespaces.add(namespace);
		this.hosts.put(name, index);
		host.run("ip", "link", "add", veth(name), "type", "veth", "peer", "name", "eth0", "netns", namespace);
		host.run("ip", "link", "set", veth(name), "master", this.bridge);
		host.run("ip", "link", "set", veth(name), "up");
		inside(name, "ip", "link", "set", "lo", "up");
		inside(name, "ip", "addr", "add", address(name) + "/24", "dev", "eth0");
		inside(name, "ip", "link", "set", "eth0", "up");
	}

	// a /24 of 10.254.0.0/16 that no route of the machine covers yet
	private static String freeSubnet() {
		String routes = host.run("ip", "-4", "route", "show", "table", "all").stdout();
		for (int attempt = 0; attempt < 50; attempt++) {
			String candidate = "10.254." + ThreadLocalRandom.current().nextInt(16, 250) + ".";
			if (!routes.contains(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("no free /24 in 10.254.0.0/16 for the test hosts");
	}

	/** The bridge's address in the machine's namespace: where the forwarders listen. */
	String gateway() {
		return this.subnet + "1";
	}

	String address(String name) {
		return this.subnet + this.hosts.get(name);
	}

	String namespace(String name) {
		return "nvmh-" + this.suffix + "-" + name;
	}

	/** The command prefix that runs a program on host {@code name}. */
	List<String> prefix(String name) {
		return List.of("ip", "netns", "exec", namespace(name));
	}

	private String veth(String name) {
		return "nvmh" + this.suffix + this.hosts.get(name);
	}

	private void inside(String name, String... command) {
		List<String> full = new ArrayList<>(prefix(name));
		full.addAll(List.of(command));
		host.run(full, Duration.ofSeconds(30));
	}

	/** Pulls the host's cable: its end of the veth pair on the bridge goes down. */
	void cutLink(String name) {
		host.run("ip", "link", "set", veth(name), "down");
	}

	void restoreLink(String name) {
		host.run("ip", "link", "set", veth(name), "up");
	}

	/** Kills every process of the host at once (SIGKILL), as a power cut would. */
	void killEverything(String name) {
		for (String pid : host.run("ip", "netns", "pids", namespace(name)).stdout().trim().split("\\s+")) {
			if (!pid.isBlank()) {
				ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
			}
		}
	}

	/** Kills what still runs in the namespaces, removes them and the bridge (their veths go with them). */
	@Override
	public void close() {
		for (String namespace : this.namespaces) {
			try {
				for (String pid : host.run("ip", "netns", "pids", namespace).stdout().trim().split("\\s+")) {
					if (!pid.isBlank()) {
						ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
					}
				}
				host.run("ip", "netns", "del", namespace);
			}
			catch (CommandFailedException ex) {
				// keep removing the rest; a namespace that is gone already is fine
			}
		}
		if (this.bridgeCreated) {
			try {
				host.run("ip", "link", "del", this.bridge);
			}
			catch (CommandFailedException ex) {
				// gone already
			}
		}
	}

}
