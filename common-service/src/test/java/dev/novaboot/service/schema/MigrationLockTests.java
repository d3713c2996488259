package dev.novaboot.service.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apps migrating one embedded database take turns: while one holds the lock file, no
 * other migrates, and the file is the owner's only.
 */
class MigrationLockTests {

	@TempDir
	Path var;

	@Test
	void migrationsUnderTheFileLockNeverOverlap() throws Exception {
		Path file = this.var.resolve("nova.migrations.lock");
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		ExecutorService apps = Executors.newFixedThreadPool(4);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			runs.add(apps.submit(() -> {
				start.await();
				return MigrationLock.file(file).during(() -> {
					mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
					pause();
					return inside.decrementAndGet();
				});
			}));
		}
		start.countDown();
		for (Future<Integer> run : runs) {
			run.get(30, TimeUnit.SECONDS);
		}
		apps.shutdown();

		assertThat(mostAtOnce).hasValue(1);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void theLockIsFreeAgainWhenTheMigrationsFail() {
		Path file = this.var.resolve("nova.migrations.lock");
		try {
			MigrationLock.file(file).during(() -> {
				throw new IllegalStateException("migration failed");
			});
		}
		catch (IllegalStateException expected) {
			// the app stops; the next one must still get the lock
		}
		assertThat(MigrationLock.file(file).during(() -> "migrated")).isEqualTo("migrated");
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
