package dev.novaboot.service.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.auth.identity.IdentityAdministration;
import dev.novaboot.service.auth.identity.IdentityBootstrap;
import dev.novaboot.service.auth.identity.UserRepository;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bootstrap admin on a real PostgreSQL server, where the apps of a suite start at
 * the same time: however many bootstrap at once, one admin is created, one password is
 * generated and written (owner-only), and it is the one that logs in.
 */
@SpringBootTest(classes = SampleServiceApplication.class)
@Import(EmbeddedPostgresConfiguration.class)
class PostgresIdentityBootstrapTests {

	@Autowired
	UserRepository users;

	@Autowired
	IdentityAdministration administration;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	PasswordEncoder passwordEncoder;

	@TempDir
	Path dir;

	@Test
	void theStartBootstrappedAdminWithTheConfiguredPassword() {
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM identity_users WHERE name = 'admin'",
				String.class);
		assertThat(this.passwordEncoder.matches(AuthTestSupport.ADMIN_PASSWORD, hash)).isTrue();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(AuthTestSupport.ADMIN_PASSWORD);
		assertThat(this.jdbc.queryForList(
				"SELECT r.name FROM identity_role_assignments a JOIN identity_roles r ON r.id = a.role_id "
						+ "JOIN identity_users u ON u.id = a.user_id JOIN identity_projects p ON p.id = a.project_id "
						+ "WHERE u.name = 'admin' AND p.name = 'admin'",
				String.class)).containsExactly("admin");
		assertThat(this.jdbc.queryForList("SELECT name FROM identity_roles ORDER BY name", String.class))
			.containsExactly("admin", "member", "reader");
		// a configured password is never written anywhere
		assertThat(new IdentityBootstrap(this.users, this.administration, this.jdbc,
				new TransactionTemplate(this.transactionManager), "ignored", this.dir.resolve("never"), new OwnerOnlyFiles())
			.bootstrap()).isFalse();
		assertThat(this.dir.resolve("never")).doesNotExist();
	}

	@Test
	void concurrentBootstrapsCreateOneAdminAndWriteOneOwnerOnlyPasswordFile() throws Exception {
		emptyIdentityTables();
		int apps = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(apps);
		try {
			List<Future<Boolean>> outcomes = new ArrayList<>();
			for (int i = 0; i < apps; i++) {
				IdentityBootstrap bootstrap = new IdentityBootstrap(this.users, this.administration, this.jdbc,
						new TransactionTemplate(this.transactionManager), null, this.dir.resolve("app" + i + "/admin-password"),
						new OwnerOnlyFiles());
				Callable<Boolean> run = () -> {
					start.await();
					return bootstrap.bootstrap();
				};
				outcomes.add(pool.submit(run));
			}
			start.countDown();
			int created = 0;
			for (Future<Boolean> outcome : outcomes) {
				created += outcome.get() ? 1 : 0;
			}
			assertThat(created).isOne();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM identity_users", Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM identity_domains", Integer.class)).isOne();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM identity_roles", Integer.class)).isEqualTo(3);
		List<Path> written = new ArrayList<>();
		for (int i = 0; i < apps; i++) {
			Path file = this.dir.resolve("app" + i + "/admin-password");
			if (Files.exists(file)) {
				written.add(file);
			}
		}
		assertThat(written).hasSize(1);
		Path file = written.get(0);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String password = Files.readString(file).trim();
		assertThat(password).hasSizeGreaterThanOrEqualTo(20);
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM identity_users WHERE name = 'admin'",
				String.class);
		assertThat(this.passwordEncoder.matches(password, hash)).isTrue();
	}

	@AfterEach
	void restoreTheConfiguredAdmin() {
		if (!this.passwordEncoder.matches(AuthTestSupport.ADMIN_PASSWORD,
				this.jdbc.queryForObject("SELECT password_hash FROM identity_users WHERE name = 'admin'", String.class))) {
			emptyIdentityTables();
			new IdentityBootstrap(this.users, this.administration, this.jdbc,
					new TransactionTemplate(this.transactionManager), AuthTestSupport.ADMIN_PASSWORD, this.dir.resolve("x"),
					new OwnerOnlyFiles())
				.bootstrap();
		}
	}

	private void emptyIdentityTables() {
		for (String table : List.of("identity_role_assignments", "identity_users", "identity_projects",
				"identity_roles", "identity_domains")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

}
