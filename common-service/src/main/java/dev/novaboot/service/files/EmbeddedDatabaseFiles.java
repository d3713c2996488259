package dev.novaboot.service.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Restricts the files of an embedded H2 file database to their owner once the data
 * source is up: H2 creates the data file and the lock file (which holds what it takes
 * to connect to its AUTO_SERVER) with the process's umask, usually readable by everyone.
 * Their directory was made owner-only before H2 opened it (see
 * {@link EmbeddedDatabaseEnvironmentPostProcessor}); that is the barrier for files H2
 * creates later. Any other database is left alone.
 */
public class EmbeddedDatabaseFiles implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(EmbeddedDatabaseFiles.class);

	private final DataSource dataSource;

	private final OwnerOnlyFiles files;

	public EmbeddedDatabaseFiles(DataSource dataSource, OwnerOnlyFiles files) {
		this.dataSource = dataSource;
		this.files = files;
	}

	@Override
	public void afterSingletonsInstantiated() {
		database().ifPresent(this::restrict);
	}

	/**
	 * The file database the data source is connected to, asked through a connection so
	 * that the files exist by then and whatever way the data source was configured counts.
	 */
	Optional<H2FileDatabase> database() {
		try (Connection connection = this.dataSource.getConnection()) {
			return H2FileDatabase.of(connection.getMetaData().getURL());
		}
		catch (SQLException ex) {
			// a database that is down now is reported by health and heartbeats; its files stay in the owner-only directory
			logger.debug("Cannot tell where the database files are: " + ex.getMessage());
			return Optional.empty();
		}
	}

	/** Restricts the directory and the database's files in it. */
	void restrict(H2FileDatabase database) {
		try {
			this.files.restrict(database.directory());
			for (Path file : files(database)) {
				this.files.restrict(file);
			}
		}
		catch (UncheckedIOException ex) {
			// another user's files, say: the suite runs on, the operator hears of it
			logger.warn("Cannot restrict the database files in " + database.directory() + " to their owner: "
					+ ex.getCause().getMessage());
		}
	}

	private static List<Path> files(H2FileDatabase database) {
		try (Stream<Path> entries = Files.list(database.directory())) {
			return entries.filter((file) -> database.owns(file) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
