package dev.novaboot.service.auth.identity;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

import dev.novaboot.service.auth.AuthProperties;
import dev.novaboot.service.auth.token.TokenService;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.group.ServiceGroup;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Keystone-compatible identity service that every app serves in the {@code token}
 * strategy: users, projects and roles in the database, the bootstrap admin, and the
 * token, version and admin endpoints.
 */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IdentityAdministration identityAdministration(DomainRepository domains, ProjectRepository projects,
			UserRepository users, RoleRepository roles, RoleAssignmentRepository assignments,
			PasswordEncoder passwordEncoder) {
		return new IdentityAdministration(domains, projects, users, roles, assignments, passwordEncoder,
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	IdentityBootstrap identityBootstrap(UserRepository users, IdentityAdministration identityAdministration,
			JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, AuthProperties properties,
			OwnerOnlyFiles ownerOnlyFiles) {
		return new IdentityBootstrap(users, identityAdministration, jdbcTemplate,
				new TransactionTemplate(transactionManager), properties.bootstrapPassword(),
				properties.bootstrapPasswordFile(), ownerOnlyFiles);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordAuthenticator passwordAuthenticator(DomainRepository domains, UserRepository users,
			ProjectRepository projects, RoleRepository roles, PasswordEncoder passwordEncoder,
			PlatformTransactionManager transactionManager, AuthProperties properties) {
		LoginLockout lockout = new LoginLockout(users, new TransactionTemplate(transactionManager),
				properties.lockoutFailureAttempts(), properties.lockoutDuration(), Clock.systemUTC());
		return new PasswordAuthenticator(domains, users, projects, roles, passwordEncoder, lockout);
	}

	// the decoy bcrypt hash on another thread once the app is ready: not on the start-up path
	@Bean
	ApplicationListener<ApplicationReadyEvent> decoyHashPreparation(PasswordAuthenticator passwordAuthenticator) {
		return (event) -> CompletableFuture.runAsync(passwordAuthenticator::prepareDecoy);
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceCatalog serviceCatalog(ServiceGroup serviceGroup, AuthProperties properties) {
		return new ServiceCatalog(serviceGroup, properties.publicUrls(), properties.region());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class IdentityApiConfiguration {

		@Bean
		TokensController tokensController(PasswordAuthenticator passwordAuthenticator, TokenService tokenService,
				ServiceCatalog serviceCatalog) {
			return new TokensController(passwordAuthenticator, tokenService, serviceCatalog);
		}

		@Bean
		IdentityVersionController identityVersionController() {
			return new IdentityVersionController();
		}

		@Bean
		IdentityAdminController identityAdminController(IdentityAdministration identityAdministration) {
			return new IdentityAdminController(identityAdministration);
		}

		@Bean
		IdentityApiFaults identityApiFaults() {
			return new IdentityApiFaults();
		}

	}

}
