package dev.novaboot.service.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.novaboot.service.files.OwnerOnlyFiles;

/**
 * The suite's images as files of one directory ({@code nova.image.directory}), which
 * compute hosts boot from and volume hosts read (a volume from an image) and write (a
 * volume uploaded as an image). Every listing reads the directory anew, so that an
 * operator adds an image by copying a file there.
 * <p>
 * An image is named by its file and identified by a uuid derived from that name
 * ({@link #idOf}), so that every host, and both the Image API of nova-compute and
 * nova-volume, tell the same id without a database or a sidecar file. Names are therefore
 * unique, and a renamed file is another image.
 * <p>
 * Hidden files (a leading dot) are not images: an upload is written to a hidden file
 * first and gets its name only when complete ({@link #publish}), by a hard link that
 * fails if the name is taken, so that no half-written image is ever listed and no image
 * is ever replaced. Images hold what was on users' volumes: they are written owner-only,
 * as volume files are.
 */
public class ImageStore {

	private static final byte[] QCOW2_MAGIC = { 'Q', 'F', 'I', (byte) 0xfb };

	private static final int MAX_NAME = 255;

	private final Path directory;

	private final OwnerOnlyFiles files;

	public ImageStore(Path directory, OwnerOnlyFiles files) {
		this.directory = directory.toAbsolutePath().normalize();
		this.files = files;
	}

	/** The stable id of the image called {@code name}: the same on every host. */
	public static String idOf(String name) {
		return UUID.nameUUIDFromBytes(("image:" + name).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Whether {@code name} can name an image of the store: 1 to 255 characters, a plain
	 * file name (no {@code /}, no leading dot, no control character).
	 */
	public static boolean isValidName(String name) {
		return name != null && !name.isEmpty() && name.length() <= MAX_NAME && !name.startsWith(".")
				&& name.chars().noneMatch((c) -> c == '/' || c == '\\' || Character.isISOControl(c));
	}

	public Path directory() {
		return this.directory;
	}

	/** The images, by name. */
	public List<StoredImage> list() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(this.directory)) {
			return entries.filter((file) -> isValidName(file.getFileName().toString()))
				.filter(Files::isRegularFile)
				.sorted()
				.map(this::image)
				.filter(Objects::nonNull)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the images in " + this.directory, ex);
		}
	}

	public Optional<StoredImage> find(String id) {
		return list().stream().filter((image) -> image.id().equals(id)).findFirst();
	}

	public Optional<StoredImage> findByName(String name) {
		if (!isValidName(name)) {
			return Optional.empty();
		}
		Path file = this.directory.resolve(name);
		return Files.isRegularFile(file) ? Optional.ofNullable(image(file)) : Optional.empty();
	}

	/**
	 * A new hidden, owner-only, empty file in the store's directory (created owner-only if
	 * missing) for an upload to fill; {@link #publish} names it, {@link #discard} drops it.
	 */
	public Path newUpload() {
		this.files.createDirectories(this.directory);
		return this.files.file(this.directory.resolve(".upload-" + UUID.randomUUID()));
	}

	/**
	 * Gives a complete upload its name, atomically: the image appears whole or not at all.
	 * @throws ImageExistsException when an image of that name exists (the upload is left
	 * for the caller to discard)
	 */
	public StoredImage publish(Path upload, String name) {
		if (!isValidName(name)) {
			throw new IllegalArgumentException("Not an image name: '" + name + "'");
		}
		Path target = this.directory.resolve(name);
		try {
			this.files.restrict(upload);
			// a link, unlike a rename, never replaces an existing name
			Files.createLink(target, upload);
			Files.delete(upload);
		}
		catch (FileAlreadyExistsException ex) {
			throw new ImageExistsException(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot publish " + upload + " as image " + name, ex);
		}
		return Objects.requireNonNull(image(target));
	}

	/** Drops an unfinished upload; a missing one is no error. */
	public void discard(Path upload) {
		try {
			Files.deleteIfExists(upload);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove the unfinished upload " + upload, ex);
		}
	}

	// null: the file went away while being read
	private StoredImage image(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			String name = file.getFileName().toString();
			return new StoredImage(idOf(name), name, format(file), attributes.size(), file,
					attributes.lastModifiedTime().toInstant());
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the image " + file, ex);
		}
	}

	// from the first bytes, never the name: qcow2's magic, anything else raw
	private static String format(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(4), QCOW2_MAGIC) ? "qcow2" : "raw";
		}
	}

}
