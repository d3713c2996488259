package dev.novaboot.compute.driver.qemu;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.novaboot.compute.driver.GuestVif;
import dev.novaboot.service.command.CommandFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Plugging a port as Nova's libvirt VIF driver does, at command level: which {@code ip}
 * commands run, with the root helper, in the bridges' namespace, and only when needed.
 */
class TapDevicesTests {

	private static final String PORT = "3f1e2d4c-5b6a-4789-9abc-def012345678";

	private final Set<String> links = new HashSet<>();

	// a host whose "ip link show dev X" succeeds for the links in this.links
	private final RecordingCommandRunner runner = new RecordingCommandRunner(List.of("sudo"), (command) -> {
		String[] words = command.split(" ");
		if (command.contains(" link show dev ")) {
			return this.links.contains(words[words.length - 1]) ? "1: up" : null;
		}
		if (command.contains(" tuntap add dev ")) {
			this.links.add(words[words.length - 5]);
		}
		if (command.contains(" link delete dev ")) {
			this.links.remove(words[words.length - 1]);
		}
		return "";
	});

	@Test
	void aTapIsNamedAfterTheFirstElevenCharactersOfThePortIdAsNovaNamesIt() {
		assertThat(TapDevices.name(PORT)).isEqualTo("tap3f1e2d4c-5b");
		assertThat(TapDevices.name("short")).isEqualTo("tapshort");
	}

	@Test
	void plugCreatesTheTapPutsItInTheBridgeAndSetsItUpAsRoot() {
		TapDevices taps = new TapDevices(this.runner, null, "nova");

		assertThat(taps.plug(new GuestVif(PORT, "fa:16:3e:00:00:01", "br100"))).isEqualTo("tap3f1e2d4c-5b");

		assertThat(this.runner.changes()).containsExactly(
				"sudo ip tuntap add dev tap3f1e2d4c-5b mode tap user nova",
				"sudo ip link set dev tap3f1e2d4c-5b master br100",
				"sudo ip link set dev tap3f1e2d4c-5b up");
	}

	@Test
	void plugTwiceCreatesTheTapOnce() {
		TapDevices taps = new TapDevices(this.runner, null, "nova");
		GuestVif vif = new GuestVif(PORT, "fa:16:3e:00:00:01", "br100");
		taps.plug(vif);
		taps.plug(vif);

		assertThat(this.runner.changes()).filteredOn((command) -> command.contains("tuntap add")).hasSize(1);
	}

	@Test
	void inANamespaceEveryCommandRunsThere() {
		TapDevices taps = new TapDevices(this.runner, "nova-ns", "root");
		taps.plug(new GuestVif(PORT, "fa:16:3e:00:00:01", "br100"));
		taps.unplug("tap3f1e2d4c-5b");

		assertThat(this.runner.commands).isNotEmpty().allMatch((command) -> command.startsWith("sudo ip netns exec nova-ns ip "));
		assertThat(taps.namespacePrefix()).containsExactly("ip", "netns", "exec", "nova-ns");
	}

	@Test
	void unplugDeletesAnExistingTapAndLeavesAMissingOneAlone() {
		TapDevices taps = new TapDevices(this.runner, null, "nova");
		this.links.add("tap3f1e2d4c-5b");

		taps.unplug("tap3f1e2d4c-5b");
		taps.unplug("tap3f1e2d4c-5b");

		assertThat(this.runner.changes()).containsExactly("sudo ip link delete dev tap3f1e2d4c-5b");
	}

	@Test
	void unplugAllTriesEveryTapAndThenThrowsTheFirstFailure() {
		RecordingCommandRunner failing = new RecordingCommandRunner(List.of(),
				(command) -> command.contains("link delete dev tapa") ? null : "");
		TapDevices taps = new TapDevices(failing, null, "nova");

		assertThatExceptionOfType(CommandFailedException.class).isThrownBy(() -> taps.unplugAll(List.of("tapa", "tapb")));
		assertThat(failing.changes()).containsExactly("ip link delete dev tapa", "ip link delete dev tapb");
	}

	@Test
	void namesThatCouldReachACommandLineAsSomethingElseAreRefused() {
		TapDevices taps = new TapDevices(this.runner, null, "nova");
		assertThatIllegalArgumentException().isThrownBy(() -> taps.plug(new GuestVif(PORT, "fa:16:3e:00:00:01", "br 0")));
		assertThatIllegalArgumentException().isThrownBy(() -> taps.unplug("tap/../x"));
		assertThatIllegalArgumentException().isThrownBy(() -> new TapDevices(this.runner, "ns x", "nova"));
		assertThat(this.runner.commands).isEmpty();
	}

}
