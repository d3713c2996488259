package dev.novaboot.service.files;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which H2 URLs name a database in local files, where its files are, and whether it
 * serves other processes.
 */
class H2FileDatabaseTests {

	@Test
	void theSuiteDefaultIsAFileDatabaseInVarThatServesTheOtherApps() {
		assertThat(H2FileDatabase.of("jdbc:h2:file:./var/nova;AUTO_SERVER=TRUE"))
			.contains(new H2FileDatabase(Path.of("var").toAbsolutePath(), "nova", true));
	}

	@Test
	void aPathWithoutThePrefixOrInTheHomeDirectoryIsAFileDatabaseToo() {
		assertThat(H2FileDatabase.of("jdbc:h2:/srv/nova/db;MODE=PostgreSQL"))
			.contains(new H2FileDatabase(Path.of("/srv/nova"), "db", false));
		assertThat(H2FileDatabase.of("jdbc:h2:~/nova;auto_server=true"))
			.contains(new H2FileDatabase(Path.of(System.getProperty("user.home")), "nova", true));
	}

	@Test
	void autoServerIsOffUnlessSetTrue() {
		assertThat(H2FileDatabase.of("jdbc:h2:file:./var/nova")).hasValueSatisfying((db) -> assertThat(db.autoServer()).isFalse());
		assertThat(H2FileDatabase.of("jdbc:h2:file:./var/nova;AUTO_SERVER=FALSE"))
			.hasValueSatisfying((db) -> assertThat(db.autoServer()).isFalse());
	}

	@Test
	void otherDatabasesAndOtherKindsOfH2AreNotFileDatabases() {
		assertThat(H2FileDatabase.of("jdbc:h2:mem:nova;DB_CLOSE_DELAY=-1")).isEmpty();
		assertThat(H2FileDatabase.of("jdbc:h2:tcp://localhost:9092/./nova")).isEmpty();
		assertThat(H2FileDatabase.of("jdbc:h2:zip:./nova.zip!/nova")).isEmpty();
		assertThat(H2FileDatabase.of("jdbc:postgresql://localhost/nova")).isEmpty();
		assertThat(H2FileDatabase.of(null)).isEmpty();
	}

	@Test
	void theDatabaseOwnsItsDataLockAndTraceFilesOnly() {
		H2FileDatabase database = H2FileDatabase.of("jdbc:h2:file:./var/nova").orElseThrow();

		assertThat(database.owns(Path.of("var/nova.mv.db"))).isTrue();
		assertThat(database.owns(Path.of("var/nova.lock.db"))).isTrue();
		assertThat(database.owns(Path.of("var/nova.trace.db"))).isTrue();
		assertThat(database.owns(Path.of("var/nova-other.mv.db"))).isFalse();
		assertThat(database.owns(Path.of("var/rpc-secret"))).isFalse();
	}

}
