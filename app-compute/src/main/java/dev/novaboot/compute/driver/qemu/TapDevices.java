package dev.novaboot.compute.driver.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.novaboot.compute.driver.GuestVif;
import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;

/**
 * Plugs a guest's interfaces into the host's bridges as Nova's libvirt VIF driver does
 * for a bridge network: a persistent tap device per port, {@code tap<port id[:11]>},
 * created with {@code ip tuntap}, made a port of the bridge the network service named and
 * set up; QEMU then opens it by name ({@code -netdev tap,ifname=...}). Every command runs
 * as root through the {@link CommandRunner}, inside {@code nova.compute.qemu.network-namespace}
 * when one is set (where the network service's bridges are). Each step looks first, so
 * plugging twice or unplugging what is gone changes nothing.
 */
public class TapDevices {

	// Linux interface names: at most 15 characters; no '/', whitespace or ':'
	private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");

	// Nova's NIC_NAME_LEN (14) less the "tap" prefix: the port id's first 11 characters
	private static final int PORT_ID_CHARACTERS = 11;

	private final CommandRunner commands;

	private final List<String> prefix;

	private final String owner;

	/**
	 * @param namespace the network namespace the bridges live in, or {@code null}/blank for the host's
	 * @param owner the user that may open the taps (the user QEMU runs as)
	 */
	public TapDevices(CommandRunner commands, String namespace, String owner) {
		this.commands = commands;
		if (namespace == null || namespace.isBlank()) {
			this.prefix = List.of();
		}
		else {
			if (!Pattern.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", namespace)) {
				throw new IllegalArgumentException("'" + namespace + "' is not a valid network namespace name");
			}
			this.prefix = List.of("ip", "netns", "exec", namespace);
		}
		this.owner = owner;
	}

	/** The tap device of a port, named as Nova names it. */
	public static String name(String portId) {
		String name = "tap" + portId.substring(0, Math.min(PORT_ID_CHARACTERS, portId.length()));
		return checkInterface(name);
	}

	/** The prefix that runs a command in the bridges' namespace (empty for the host's). */
	public List<String> namespacePrefix() {
		return this.prefix;
	}

	/** Creates the port's tap device if it is missing, puts it in the bridge and sets it up. */
	public String plug(GuestVif vif) {
		String tap = name(vif.portId());
		String bridge = checkInterface(vif.bridge());
		if (!exists(tap)) {
			run("ip", "tuntap", "add", "dev", tap, "mode", "tap", "user", this.owner);
		}
		run("ip", "link", "set", "dev", tap, "master", bridge);
		run("ip", "link", "set", "dev", tap, "up");
		return tap;
	}

	/** Deletes the tap device; one that is already gone is left alone. */
	public void unplug(String tap) {
		checkInterface(tap);
		if (exists(tap)) {
			run("ip", "link", "delete", "dev", tap);
		}
	}

	/**
	 * Deletes each tap device, going on past a failure so that one stuck device does not
	 * keep the others; the first failure is thrown once all were tried.
	 */
	public void unplugAll(List<String> taps) {
		CommandFailedException first = null;
		for (String tap : taps) {
			try {
				unplug(tap);
			}
			catch (CommandFailedException ex) {
				if (first == null) {
					first = ex;
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

	public boolean exists(String tap) {
		try {
			run("ip", "link", "show", "dev", checkInterface(tap));
			return true;
		}
		catch (CommandFailedException ex) {
			if (!ex.isAnswer()) {
				throw ex;
			}
			return false;
		}
	}

	private void run(String... command) {
		List<String> full = new ArrayList<>(this.prefix);
		full.addAll(List.of(command));
		this.commands.runAsRoot(full.toArray(String[]::new));
	}

	private static String checkInterface(String name) {
		if (name == null || !INTERFACE.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a valid interface name");
		}
		return name;
	}

}
