package dev.novaboot.service.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the data source is up, the files H2 created with the JVM's umask become
 * owner-only; other files and other databases are left alone.
 */
class EmbeddedDatabaseFilesTests {

	@TempDir
	Path directory;

	@Test
	void theFilesOfAFileDatabaseBecomeOwnerOnlyAndOtherFilesStayAsTheyAre() throws Exception {
		Path other = Files.writeString(this.directory.resolve("README"), "x");
		Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-r--r--"));
		JdbcDataSource dataSource = h2("jdbc:h2:file:" + this.directory.resolve("nova"));
		try (Connection open = dataSource.getConnection()) {
			// H2 created them with the JVM's umask; made readable here whatever that is
			Files.setPosixFilePermissions(this.directory.resolve("nova.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
			Files.setPosixFilePermissions(this.directory, PosixFilePermissions.fromString("rwxr-xr-x"));

			new EmbeddedDatabaseFiles(dataSource, new OwnerOnlyFiles()).afterSingletonsInstantiated();

			assertThat(mode(this.directory)).isEqualTo("rwx------");
			assertThat(mode(this.directory.resolve("nova.mv.db"))).isEqualTo("rw-------");
			assertThat(mode(other)).isEqualTo("rw-r--r--");
		}
	}

	@Test
	void aDatabaseInMemoryHasNoFiles() throws SQLException {
		EmbeddedDatabaseFiles files = new EmbeddedDatabaseFiles(h2("jdbc:h2:mem:embedded-database-files"),
				new OwnerOnlyFiles());

		assertThat(files.database()).isEmpty();
		files.afterSingletonsInstantiated();
	}

	private static JdbcDataSource h2(String url) {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL(url);
		dataSource.setUser("sa");
		return dataSource;
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
