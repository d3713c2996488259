package dev.novaboot.service.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Supplier;

import dev.novaboot.service.files.OwnerOnlyFiles;

/**
 * Lets one app of the machine migrate the embedded H2 database at a time. H2 commits each
 * DDL statement by itself and refuses two sessions changing its schema at once, so two
 * apps migrating their own modules together can leave one migration half applied and
 * recorded as failed. The apps of an embedded suite share one directory, so a lock on a
 * file there (held by the process, released when it exits, however it exits) serializes
 * them. PostgreSQL needs none: its DDL is transactional and each module has its own
 * history table, whose lock Flyway takes.
 */
public interface MigrationLock {

	/** No serialization: the database copes with concurrent migrations. */
	MigrationLock NONE = new MigrationLock() {
		@Override
		public <T> T during(Supplier<T> migrations) {
			return migrations.get();
		}
	};

	/** Runs the migrations while holding the lock. */
	<T> T during(Supplier<T> migrations);

	/** The lock file {@code file}, created owner-only. */
	static MigrationLock file(Path file) {
		return new FileMigrationLock(file);
	}

	final class FileMigrationLock implements MigrationLock {

		private static final Duration RETRY = Duration.ofMillis(50);

		private final Path file;

		FileMigrationLock(Path file) {
			this.file = file;
		}

		@Override
		public <T> T during(Supplier<T> migrations) {
			new OwnerOnlyFiles().file(this.file);
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.WRITE);
					FileLock lock = acquire(channel)) {
				return migrations.get();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot lock " + this.file + " to migrate the database", ex);
			}
		}

		// another process waits in lock(); another thread of this process (the tests') is told
		// the lock overlaps its own, and waits here
		private FileLock acquire(FileChannel channel) throws IOException {
			while (true) {
				try {
					return channel.lock();
				}
				catch (OverlappingFileLockException ex) {
					try {
						Thread.sleep(RETRY.toMillis());
					}
					catch (InterruptedException interrupted) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException("Interrupted while waiting to migrate", interrupted);
					}
				}
			}
		}

	}

}
