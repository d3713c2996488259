package dev.novaboot.service.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that only the user running the suite may read or change: the database and its
 * lock file (which holds the key to its AUTO_SERVER), generated secrets, logs, volume
 * backing files. Files are created {@code rw-------} from their first byte and
 * directories {@code rwx------}, whatever the process's umask; files that another
 * program (H2, {@code cp}) created are restricted afterwards.
 * <p>
 * On a file system without POSIX permissions (Windows, some mounts) every method does its
 * job without the permissions: there is nothing to restrict there.
 */
public class OwnerOnlyFiles {

	static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	/**
	 * Creates the directory and its missing parents owner-only, and restricts the directory
	 * itself when it already existed (parents that existed are left as they are).
	 * @return the directory
	 */
	public Path directory(Path directory) {
		createDirectories(directory);
		restrict(directory);
		return directory;
	}

	/**
	 * Creates the directory and its missing parents owner-only; existing ones are left as
	 * they are (an operator's directory may be shared on purpose).
	 * @return the directory
	 */
	public Path createDirectories(Path directory) {
		try {
			if (posix(directory)) {
				Files.createDirectories(directory, attribute(DIRECTORY));
			}
			else {
				Files.createDirectories(directory);
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the directory " + directory, ex);
		}
	}

	/**
	 * An empty file created owner-only, so that a program that fills it ({@code truncate})
	 * never makes it readable by others; an existing file is restricted instead.
	 * @return the file
	 */
	public Path file(Path file) {
		try {
			if (posix(file)) {
				Files.createFile(file, attribute(FILE));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			restrict(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + file, ex);
		}
		return file;
	}

	/**
	 * Writes {@code text} to {@code file} owner-only: under a temporary name created
	 * owner-only, then renamed over the file, so that neither a reader nor a crash ever
	 * sees a readable or half-written file. Missing directories are created owner-only.
	 */
	public void write(Path file, String text) {
		Path target = file.toAbsolutePath();
		createDirectories(target.getParent());
		Path temp = target.resolveSibling(target.getFileName() + ".tmp");
		try {
			Files.deleteIfExists(temp);
			file(temp);
			Files.writeString(temp, text, StandardCharsets.UTF_8);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + target, ex);
		}
		finally {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				// the write's own failure, if any, is what the caller needs
			}
		}
	}

	/**
	 * Restricts an existing file to {@code rw-------} or directory to {@code rwx------}.
	 * A missing path and a symbolic link (which would restrict what it points to) are left
	 * alone.
	 */
	public void restrict(Path path) {
		if (!posix(path) || Files.isSymbolicLink(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
				LinkOption.NOFOLLOW_LINKS);
		try {
			view.setPermissions(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot restrict " + path + " to its owner", ex);
		}
	}

	/** Whether the path's file system has POSIX permissions at all. */
	public boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
		return PosixFilePermissions.asFileAttribute(permissions);
	}

}
