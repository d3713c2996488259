package dev.novaboot.service.auth.identity;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import dev.novaboot.service.files.OwnerOnlyFiles;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keystone's bootstrap: on a start that finds no user at all, creates the
 * {@code default} domain, the roles {@code admin}, {@code member} and {@code reader},
 * project {@code admin} and user {@code admin} with role {@code admin} on it.
 * <p>
 * The apps of a suite start at the same time on one database: each takes the lock row
 * of {@code identity_bootstrap_lock} first, so exactly one of them creates the admin
 * and, when it generated the password, writes it to an owner-only file. The password
 * itself is never logged (logs are read by more people, and kept longer, than that
 * file): the log names the file.
 */
public class IdentityBootstrap implements SmartInitializingSingleton {

	static final List<String> ROLES = List.of("admin", "member", "reader");

	private static final Log logger = LogFactory.getLog(IdentityBootstrap.class);

	private final UserRepository users;

	private final IdentityAdministration administration;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final String configuredPassword;

	private final Path passwordFile;

	private final OwnerOnlyFiles files;

	public IdentityBootstrap(UserRepository users, IdentityAdministration administration, JdbcTemplate jdbc,
			TransactionTemplate transaction, String configuredPassword, Path passwordFile, OwnerOnlyFiles files) {
		this.users = users;
		this.administration = administration;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.configuredPassword = configuredPassword;
		this.passwordFile = passwordFile;
		this.files = files;
	}

	@Override
	public void afterSingletonsInstantiated() {
		bootstrap();
	}

	/** @return whether this call created the admin user */
	public boolean bootstrap() {
		if (this.users.count() > 0) {
			return false;
		}
		boolean generated = this.configuredPassword == null || this.configuredPassword.isBlank();
		String password = generated ? randomPassword() : this.configuredPassword;
		Boolean created = this.transaction.execute((status) -> {
			// waits here while another app bootstraps, then finds its user
			this.jdbc.queryForObject("SELECT id FROM identity_bootstrap_lock WHERE id = 1 FOR UPDATE", Integer.class);
			if (this.users.count() > 0) {
				return false;
			}
			Domain domain = this.administration.createDefaultDomain();
			ROLES.forEach(this.administration::createRole);
			Project project = this.administration.createProject("admin", domain.getId(), "Bootstrap project", true);
			User admin = this.administration.createUser("admin", domain.getId(), password, project.getId(), true);
			this.administration.assign(project.getId(), admin.getId(),
					this.administration.role("admin").getId());
			return true;
		});
		if (Boolean.TRUE.equals(created)) {
			if (generated) {
				writePasswordFile(password);
				logger.warn("Created the bootstrap user 'admin' (project 'admin', domain 'Default') with a generated "
						+ "password, written to " + this.passwordFile.toAbsolutePath() + " (readable by this user only)");
			}
			else {
				logger.info("Created the bootstrap user 'admin' (project 'admin', domain 'Default') with the password "
						+ "of nova.auth.bootstrap-password");
			}
		}
		return Boolean.TRUE.equals(created);
	}

	private void writePasswordFile(String password) {
		try {
			this.files.write(this.passwordFile, password + "\n");
		}
		catch (UncheckedIOException ex) {
			throw new UncheckedIOException("Cannot write the bootstrap admin password to " + this.passwordFile
					+ " (nova.auth.bootstrap-password-file)", ex.getCause());
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
