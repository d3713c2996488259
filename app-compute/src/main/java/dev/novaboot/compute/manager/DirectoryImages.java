package dev.novaboot.compute.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Images of the {@code qemu} driver: each regular file in the image directory, read anew
 * on every listing so that an operator adds an image by copying a file there. The format
 * comes from the file's first bytes (qcow2's magic), not from its name.
 */
public class DirectoryImages implements ComputeImages {

	private static final byte[] QCOW2_MAGIC = { 'Q', 'F', 'I', (byte) 0xfb };

	private final Path directory;

	public DirectoryImages(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
	}

	@Override
	public List<Image> list() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.map(this::image)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Image image(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			String name = file.getFileName().toString();
			return new Image(ComputeImages.idOf(name), name, format(file), attributes.size(), file,
					attributes.lastModifiedTime().toInstant());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String format(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(4), QCOW2_MAGIC) ? "qcow2" : "raw";
		}
	}

}
