package dev.novaboot.compute.driver.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.novaboot.compute.driver.GuestMetadata;
import dev.novaboot.service.command.CommandRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nova's config drive: an ISO 9660 image labelled {@code config-2} holding
 * {@code openstack/latest/meta_data.json}, which cloud-init and similar agents read at
 * boot to set the hostname and let the user's key in. Made by {@code genisoimage} with
 * Nova's options, and attached to the guest as a read-only CD-ROM.
 */
public class ConfigDrive {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	// Nova's random_seed: 512 bytes for the guest's entropy pool
	private static final int SEED_BYTES = 512;

	private final CommandRunner commands;

	private final JsonMapper json;

	private final String genisoimage;

	public ConfigDrive(CommandRunner commands, JsonMapper json, String genisoimage) {
		this.commands = commands;
		this.json = json;
		this.genisoimage = genisoimage;
	}

	/** Writes the guest's config drive to {@code iso}, replacing any older one. */
	public Path write(GuestMetadata guest, Path iso) {
		Path tree = null;
		try {
			tree = Files.createTempDirectory(iso.getParent(), "config-drive");
			Path latest = Files.createDirectories(tree.resolve("openstack").resolve("latest"));
			Files.writeString(latest.resolve("meta_data.json"), this.json.writeValueAsString(metaData(guest)));
			Files.writeString(latest.resolve("network_data.json"), "{\"links\": [], \"networks\": [], \"services\": []}");
			Files.writeString(latest.resolve("vendor_data.json"), "{}");
			Files.deleteIfExists(iso);
			this.commands.run(List.of(this.genisoimage, "-o", iso.toString(), "-ldots", "-allow-lowercase",
					"-allow-multidot", "-l", "-publisher", "OpenStack Compute (nova-boot)", "-quiet", "-J", "-r", "-V",
					"config-2", tree.toString()), TIMEOUT);
			return iso;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the config drive of " + guest.uuid(), ex);
		}
		finally {
			if (tree != null) {
				delete(tree);
			}
		}
	}

	// Nova's InstanceMetadata.get_openstack_item for meta_data.json
	private static Map<String, Object> metaData(GuestMetadata guest) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("uuid", guest.uuid());
		data.put("meta", guest.meta());
		if (guest.keyName() != null) {
			data.put("public_keys", Map.of(guest.keyName(), guest.publicKey()));
			data.put("keys", List.of(Map.of("name", guest.keyName(), "type", "ssh", "data", guest.publicKey())));
		}
		data.put("hostname", guest.hostname());
		data.put("name", guest.name());
		data.put("launch_index", 0);
		data.put("availability_zone", guest.availabilityZone());
		data.put("random_seed", randomSeed());
		data.put("project_id", guest.projectId());
		data.put("devices", List.of());
		return data;
	}

	private static String randomSeed() {
		byte[] seed = new byte[SEED_BYTES];
		new SecureRandom().nextBytes(seed);
		return Base64.getEncoder().encodeToString(seed);
	}

	private static void delete(Path tree) {
		try (Stream<Path> paths = Files.walk(tree)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove " + tree, ex);
		}
	}

}
