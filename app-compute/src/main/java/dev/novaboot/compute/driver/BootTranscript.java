package dev.novaboot.compute.driver;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The serial console of a fake guest's first boot: a Linux kernel, systemd and cloud-init
 * transcript made for the guest (its uuid, hostname, sizes, MAC and IP addresses), so
 * that {@code openstack console log show} on a fake cloud reads like one of a real cloud.
 * The times vary from guest to guest but are the same for one guest (seeded by its uuid).
 */
final class BootTranscript {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx",
			Locale.ROOT);

	private BootTranscript() {
	}

	/** The transcript of a boot that began at {@code poweredOn}. */
	static List<String> of(GuestSpec guest, Instant poweredOn) {
		Random random = new Random(guest.uuid().hashCode());
		Clock clock = new Clock(random, poweredOn);
		List<String> lines = new ArrayList<>();
		lines.add("SeaBIOS (version 1.16.3-debian-1.16.3-2)");
		lines.add("Booting from Hard Disk...");
		lines.add("");
		lines.add(clock.kernel("Linux version 6.1.0-28-cloud-amd64 (debian-kernel@lists.debian.org) "
				+ "(gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22)"));
		lines.add(clock.kernel("Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-28-cloud-amd64 root=/dev/vda1 ro "
				+ "console=tty0 console=ttyS0,115200"));
		lines.add(clock.kernel("DMI: OpenStack Foundation OpenStack Nova, BIOS 1.16.3-debian-1.16.3-2 04/01/2014"));
		lines.add(clock.kernel("Hypervisor detected: KVM"));
		lines.add(clock.kernel("Memory: " + (guest.memoryMb() * 1024L * 94 / 100) + "K/" + (guest.memoryMb() * 1024L)
				+ "K available"));
		lines.add(clock.kernel("smpboot: Allowing " + guest.vcpus() + " CPUs, 0 hotplug CPUs"));
		lines.add(clock.kernel("smp: Brought up 1 node, " + guest.vcpus() + " CPU" + ((guest.vcpus() > 1) ? "s" : "")));
		lines.add(clock.kernel("virtio_blk virtio2: [vda] " + diskSectors(guest) + " 512-byte logical blocks ("
				+ Math.max(1, guest.rootGb()) + ".00 GiB)"));
		lines.add(clock.kernel(" vda: vda1 vda14 vda15"));
		for (int index = 0; index < guest.macAddresses().size(); index++) {
			lines.add(clock.kernel("virtio_net virtio" + index + " ens" + (3 + index) + ": renamed from eth" + index));
		}
		lines.add(clock.kernel("EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none."));
		lines.add(clock.kernel("Run /sbin/init as init process"));
		lines.add(clock.kernel("systemd[1]: systemd 252.31-1~deb12u1 running in system mode"));
		lines.add(clock.kernel("systemd[1]: Detected virtualization kvm."));
		lines.add(clock.kernel("systemd[1]: Hostname set to <" + guest.hostname() + ">."));
		lines.add(clock.kernel("systemd[1]: Initializing machine ID from VM UUID."));
		lines.add("[  OK  ] Started systemd-journald.service - Journal Service.");
		lines.add("[  OK  ] Finished systemd-growfs-root.service - Grow Root File System.");
		lines.add("         Starting cloud-init-local.service - Initial cloud-init job (pre-networking)...");
		lines.add(clock.cloudInit("Cloud-init v. 22.4.2 running 'init-local' at " + clock.date() + ". Up "
				+ clock.seconds() + " seconds."));
		lines.add("[  OK  ] Finished cloud-init-local.service - Initial cloud-init job (pre-networking).");
		lines.add("[  OK  ] Reached target network-pre.target - Preparation for Network.");
		lines.add("         Starting systemd-networkd.service - Network Configuration...");
		lines.add("[  OK  ] Started systemd-networkd.service - Network Configuration.");
		lines.add(clock.cloudInit("Cloud-init v. 22.4.2 running 'init' at " + clock.date() + ". Up " + clock.seconds()
				+ " seconds."));
		lines.add("ci-info: +++++++++++++++++++++++++++++++++++Net device info++++++++++++++++++++++++++++++++++++");
		lines.add("ci-info: +--------+------+-----------------+-----------------+--------+-------------------+");
		lines.add("ci-info: | Device |  Up  |     Address     |       Mask      | Scope  |     Hw-Address    |");
		lines.add("ci-info: +--------+------+-----------------+-----------------+--------+-------------------+");
		for (int index = 0; index < guest.macAddresses().size(); index++) {
			String address = (index < guest.addresses().size()) ? guest.addresses().get(index) : ".";
			lines.add(String.format(Locale.ROOT, "ci-info: | %-6s | True | %-15s | %-15s | global | %-17s |",
					"ens" + (3 + index), address, (".".equals(address) ? "." : "255.255.255.0"),
					guest.macAddresses().get(index)));
		}
		lines.add(String.format(Locale.ROOT, "ci-info: | %-6s | True | %-15s | %-15s |  host  | %-17s |", "lo",
				"127.0.0.1", "255.0.0.0", "."));
		lines.add("ci-info: +--------+------+-----------------+-----------------+--------+-------------------+");
		lines.add(clock.cloudInit("Generating public/private ed25519 key pair."));
		lines.add("[  OK  ] Finished cloud-init.service - Initial cloud-init job (metadata service crawler).");
		lines.add("[  OK  ] Reached target cloud-config.target - Cloud-config availability.");
		lines.add("[  OK  ] Started ssh.service - OpenBSD Secure Shell server.");
		lines.add(clock.cloudInit("Cloud-init v. 22.4.2 running 'modules:final' at " + clock.date() + ". Up "
				+ clock.seconds() + " seconds."));
		lines.add("-----BEGIN SSH HOST KEY FINGERPRINTS-----");
		lines.add("256 SHA256:" + fingerprint(random) + " root@" + guest.hostname() + " (ED25519)");
		lines.add("-----END SSH HOST KEY FINGERPRINTS-----");
		lines.add(clock.cloudInit("Cloud-init v. 22.4.2 finished at " + clock.date() + ". Datasource DataSourceOpenStackLocal [net,ver=2]. Up " + clock.seconds() + " seconds"));
		lines.add("[  OK  ] Finished cloud-final.service - Execute cloud user/final scripts.");
		lines.add("[  OK  ] Reached target multi-user.target - Multi-User System.");
		lines.add("");
		lines.add("Debian GNU/Linux 12 " + guest.hostname() + " ttyS0");
		lines.add("");
		lines.add(guest.hostname() + " login: ");
		return lines;
	}

	private static long diskSectors(GuestSpec guest) {
		return Math.max(1, guest.rootGb()) * 1024L * 1024 * 2;
	}

	private static String fingerprint(Random random) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 43; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	/** The kernel's and cloud-init's clock since power on, advancing a little per line. */
	private static final class Clock {

		private final Random random;

		private final Instant poweredOn;

		private double seconds;

		Clock(Random random, Instant poweredOn) {
			this.random = random;
			this.poweredOn = poweredOn;
		}

		// cloud-init's way: "Mon, 01 Jan 2024 00:00:05 +0000"
		String date() {
			return DATE.format(this.poweredOn.plusMillis((long) (this.seconds * 1000)).atOffset(ZoneOffset.UTC));
		}

		String kernel(String message) {
			this.seconds += this.random.nextDouble() * 0.3;
			return String.format(Locale.ROOT, "[%5d.%06d] %s", (long) this.seconds,
					(long) ((this.seconds % 1) * 1_000_000), message);
		}

		String cloudInit(String message) {
			this.seconds += 0.5 + this.random.nextDouble();
			return String.format(Locale.ROOT, "[%5d.%06d] cloud-init[%d]: %s", (long) this.seconds,
					(long) ((this.seconds % 1) * 1_000_000), 400 + this.random.nextInt(200), message);
		}

		String seconds() {
			return String.format(Locale.ROOT, "%.2f", this.seconds);
		}

	}

}
