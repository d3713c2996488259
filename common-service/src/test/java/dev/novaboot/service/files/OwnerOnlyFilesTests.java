package dev.novaboot.service.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Owner-only files and directories, whatever the umask of the JVM: files others already
 * made readable are restricted, never followed through a link, and a file system
 * without POSIX permissions works as before.
 */
class OwnerOnlyFilesTests {

	@TempDir
	Path directory;

	final OwnerOnlyFiles files = new OwnerOnlyFiles();

	@Test
	void aDirectoryIsCreatedOwnerOnlyWithItsMissingParentsAndAnExistingOneIsRestricted() throws IOException {
		Path created = this.files.directory(this.directory.resolve("a/b"));
		Path existing = Files.createDirectory(this.directory.resolve("existing"));
		Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));

		this.files.directory(existing);

		assertThat(mode(created)).isEqualTo("rwx------");
		assertThat(mode(created.getParent())).isEqualTo("rwx------");
		assertThat(mode(existing)).isEqualTo("rwx------");
	}

	@Test
	void createDirectoriesLeavesAnExistingDirectoryAsItIs() throws IOException {
		Path shared = Files.createDirectory(this.directory.resolve("shared"));
		Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-x---"));

		this.files.createDirectories(shared.resolve("mine"));

		assertThat(mode(shared)).isEqualTo("rwxr-x---");
		assertThat(mode(shared.resolve("mine"))).isEqualTo("rwx------");
	}

	@Test
	void aNewFileIsOwnerOnlyAndAnExistingOneIsRestrictedWithItsContent() throws IOException {
		Path existing = Files.writeString(this.directory.resolve("existing"), "data");
		Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r--r--"));

		Path created = this.files.file(this.directory.resolve("new"));
		this.files.file(existing);

		assertThat(created).isEmptyFile();
		assertThat(mode(created)).isEqualTo("rw-------");
		assertThat(mode(existing)).isEqualTo("rw-------");
		assertThat(existing).hasContent("data");
	}

	@Test
	void writeReplacesAReadableFileWithAnOwnerOnlyOneAndLeavesNoTemporaryFile() throws IOException {
		Path file = Files.writeString(Files.createDirectory(this.directory.resolve("var")).resolve("secret"), "old");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		this.files.write(file, "new\n");

		assertThat(file).hasContent("new");
		assertThat(mode(file)).isEqualTo("rw-------");
		assertThat(Files.list(file.getParent())).containsExactly(file);
	}

	@Test
	void writeCreatesMissingDirectoriesOwnerOnly() throws IOException {
		Path file = this.directory.resolve("var/admin-password");

		this.files.write(file, "secret\n");

		assertThat(mode(file.getParent())).isEqualTo("rwx------");
		assertThat(mode(file)).isEqualTo("rw-------");
	}

	@Test
	void restrictLeavesMissingPathsAndTheTargetsOfSymbolicLinksAlone() throws IOException {
		Path target = Files.writeString(this.directory.resolve("target"), "x");
		Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
		Path link = Files.createSymbolicLink(this.directory.resolve("link"), target);

		this.files.restrict(link);
		this.files.restrict(this.directory.resolve("missing"));

		assertThat(mode(target)).isEqualTo("rw-r--r--");
		assertThat(this.directory.resolve("missing")).doesNotExist();
	}

	@Test
	void aFailureToCreateNamesThePath() throws IOException {
		Path blocker = Files.writeString(this.directory.resolve("a-file"), "x");

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.files.directory(blocker.resolve("sub")))
			.withMessageContaining(blocker.resolve("sub").toString());
	}

	@Test
	void onAFileSystemWithoutPosixPermissionsFilesAreWrittenWithoutThem() throws IOException {
		// a zip file system has no POSIX permissions unless asked for them
		URI zip = URI.create("jar:" + this.directory.resolve("plain.zip").toUri());
		try (FileSystem plain = FileSystems.newFileSystem(zip, Map.of("create", "true"))) {
			Path root = plain.getPath("/");
			assertThat(this.files.posix(root)).isFalse();

			Path file = plain.getPath("/var/admin-password");
			this.files.write(file, "secret\n");
			this.files.directory(plain.getPath("/var"));
			this.files.file(plain.getPath("/var/volume"));
			this.files.restrict(file);

			assertThat(Files.readString(file)).isEqualTo("secret\n");
			assertThat(plain.getPath("/var/volume")).exists();
		}
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
