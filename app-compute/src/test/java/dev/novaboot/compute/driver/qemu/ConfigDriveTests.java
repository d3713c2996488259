package dev.novaboot.compute.driver.qemu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.driver.GuestMetadata;
import dev.novaboot.service.command.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config drive is a real ISO made by genisoimage, labelled config-2 as cloud-init looks
 * for it, whose openstack/latest/meta_data.json gives the guest its identity and the
 * user's public key.
 */
class ConfigDriveTests {

	@TempDir
	Path directory;

	final CommandRunner commands = new CommandRunner(List.of(), Duration.ofSeconds(30));

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theIsoIsLabelledConfig2AndItsMetaDataCarriesTheKeyAndTheServersIdentity() {
		GuestMetadata guest = new GuestMetadata("0b7e3a55-4a0e-4a8e-9c3b-7a1f5f0d2c11", "web 1", "web-1", "nova",
				"project-a", Map.of("role", "web"), "mykey", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO0 someone");

		Path iso = new ConfigDrive(this.commands, this.json, "genisoimage").write(guest,
				this.directory.resolve("disk.config"));

		assertThat(this.commands.run("isoinfo", "-d", "-i", iso.toString()).stdout()).contains("Volume id: config-2");
		JsonNode metaData = this.json.readTree(this.commands
			.run("isoinfo", "-J", "-i", iso.toString(), "-x", "/openstack/latest/meta_data.json")
			.stdout());
		assertThat(metaData.get("uuid").asString()).isEqualTo(guest.uuid());
		assertThat(metaData.get("hostname").asString()).isEqualTo("web-1");
		assertThat(metaData.get("name").asString()).isEqualTo("web 1");
		assertThat(metaData.get("availability_zone").asString()).isEqualTo("nova");
		assertThat(metaData.get("project_id").asString()).isEqualTo("project-a");
		assertThat(metaData.get("meta").get("role").asString()).isEqualTo("web");
		assertThat(metaData.get("public_keys").get("mykey").asString()).isEqualTo(guest.publicKey());
		assertThat(metaData.get("keys").get(0).get("data").asString()).isEqualTo(guest.publicKey());
		assertThat(metaData.get("random_seed").asString()).hasSizeGreaterThan(600);
		// the working tree is gone: only the ISO stays beside the guest's other files
		assertThat(this.directory.toFile().list()).containsExactly("disk.config");
	}

	@Test
	void aGuestWithoutAKeyHasNoPublicKeys() {
		GuestMetadata guest = new GuestMetadata("5d0c2a1e-9b8f-4c3d-a2e1-0f9e8d7c6b5a", "db", "db", "nova", "p",
				Map.of(), null, null);
		Path iso = new ConfigDrive(this.commands, this.json, "genisoimage").write(guest,
				this.directory.resolve("disk.config"));
		JsonNode metaData = this.json.readTree(this.commands
			.run("isoinfo", "-J", "-i", iso.toString(), "-x", "/openstack/latest/meta_data.json")
			.stdout());
		assertThat(metaData.has("public_keys")).isFalse();
		assertThat(metaData.get("uuid").asString()).isEqualTo(guest.uuid());
	}

}
