package dev.novaboot.volume.driver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.novaboot.service.command.CommandFailedException;
import dev.novaboot.service.command.CommandRunner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code qemu-img}, as Cinder's {@code image_utils} drives it: {@code info} to learn an
 * image's real format and virtual size (never trusting a name), {@code convert} to write
 * an image into a volume as raw data or a volume out as an image.
 * <p>
 * The format is always passed with {@code -f}, never probed by {@code convert}, and an
 * image with a backing file is refused: a qcow2 image whose backing file names a file of
 * this host would otherwise copy that file into the volume.
 */
class QemuImg {

	/** The formats an image of the store may have, and a volume may be uploaded as. */
	static final Set<String> FORMATS = Set.of("raw", "qcow2");

	/** {@code nova.volume.image-conversion-timeout}'s default. */
	static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

	private static final long GIB = 1024L * 1024 * 1024;

	private final CommandRunner commands;

	private final JsonMapper json;

	private final Duration timeout;

	private final boolean asRoot;

	/**
	 * @param timeout how long one conversion may take
	 * @param asRoot whether to run through the root helper (block devices)
	 */
	QemuImg(CommandRunner commands, JsonMapper json, Duration timeout, boolean asRoot) {
		this.commands = commands;
		this.json = json;
		this.timeout = timeout;
		this.asRoot = asRoot;
	}

	/**
	 * What {@code qemu-img info} tells of an image that can be written into a volume of
	 * {@code sizeGb} GiB; refuses (Cinder's {@code ImageUnacceptable}) one of another
	 * format, with a backing file, or whose virtual size does not fit.
	 */
	Info checkImage(Path image, int sizeGb) {
		Info info = info(image);
		if (!FORMATS.contains(info.format())) {
			throw new VolumeDriverException("Image " + image.getFileName() + " is unacceptable: its format "
					+ info.format() + " is none of " + FORMATS.stream().sorted().toList() + ".");
		}
		if (info.backingFile() != null) {
			throw new VolumeDriverException("Image " + image.getFileName() + " is unacceptable: fmt=" + info.format()
					+ " backed by: " + info.backingFile());
		}
		long virtualGb = (info.virtualSize() + GIB - 1) / GIB;
		if (virtualGb > sizeGb) {
			throw new VolumeDriverException("Image " + image.getFileName() + " is unacceptable: Image virtual size is "
					+ virtualGb + "GB and doesn't fit in a volume of size " + sizeGb + "GB.");
		}
		return info;
	}

	Info info(Path image) {
		String out = run("read image " + image.getFileName(), "qemu-img", "info", "--output=json", image.toString());
		try {
			JsonNode node = this.json.readTree(out);
			JsonNode backing = node.get("backing-filename");
			return new Info(node.path("format").asString(""), node.path("virtual-size").asLong(),
					(backing != null && !backing.isNull()) ? backing.asString() : null);
		}
		catch (JacksonException ex) {
			throw new VolumeDriverException("Cannot read what qemu-img info says of " + image + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Writes an image's data into an existing volume (file or block device) as raw data,
	 * without creating or resizing the target ({@code -n}); {@code targetIsZero} lets
	 * qemu-img skip writing zeros to a target known to read as zeros (a new sparse file).
	 */
	void writeInto(Path image, String format, String target, boolean targetIsZero) {
		if (targetIsZero) {
			run("write image " + image.getFileName() + " into " + target, "qemu-img", "convert", "-n",
					"--target-is-zero", "-f", format, "-O", "raw", image.toString(), target);
		}
		else {
			run("write image " + image.getFileName() + " into " + target, "qemu-img", "convert", "-n", "-f", format,
					"-O", "raw", image.toString(), target);
		}
	}

	/** Writes a raw volume out as an image of {@code format} ({@code raw} or {@code qcow2}). */
	void writeImage(String volume, String format, Path image) {
		run("write volume " + volume + " to an image", "qemu-img", "convert", "-f", "raw", "-O", format, volume,
				image.toString());
	}

	private String run(String what, String... command) {
		try {
			return (this.asRoot ? this.commands.runAsRoot(this.timeout, command)
					: this.commands.run(List.of(command), this.timeout)).stdout();
		}
		catch (CommandFailedException ex) {
			throw new VolumeDriverException("Cannot " + what + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * @param format the image's real format
	 * @param virtualSize the size of the disk it holds, in bytes
	 * @param backingFile the file it is an overlay of, {@code null} for none
	 */
	record Info(String format, long virtualSize, String backingFile) {
	}

}
