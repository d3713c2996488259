package dev.novaboot.volume.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.Health;

/**
 * Volumes as sparse files in a directory of this host.
 */
public class FileVolumeDriver implements VolumeDriver {

	private final Path directory;

	public FileVolumeDriver(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	@Override
	public String name() {
		return "file";
	}

	@Override
	public void doSetup() {
		try {
			Files.createDirectories(this.directory);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the volume directory " + this.directory + " (nova.volume.file.directory)", ex);
		}
		if (!Files.isWritable(this.directory)) {
			throw new IllegalStateException("The volume directory " + this.directory + " is not writable (nova.volume.file.directory)");
		}
	}

	@Override
	public Health health() {
		boolean usable = Files.isDirectory(this.directory) && Files.isWritable(this.directory);
		return (usable ? Health.up() : Health.down().withDetail("error", "not a writable directory"))
			.withDetail("directory", this.directory.toString())
			.build();
	}

	public Path directory() {
		return this.directory;
	}

}
