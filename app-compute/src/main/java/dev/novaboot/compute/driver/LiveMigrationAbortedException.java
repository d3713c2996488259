package dev.novaboot.compute.driver;

/** A live migration was cancelled on request: the guest runs on where it was. */
public class LiveMigrationAbortedException extends RuntimeException {

	public LiveMigrationAbortedException(String uuid) {
		super("Live migration of " + uuid + " was aborted");
	}

}
