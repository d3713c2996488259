package dev.novaboot.service.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the suite makes its own shared secrets ({@code nova.rpc.secret},
 * {@code nova.auth.token-key}) where none is configured. Read before the application
 * context exists, by {@link GeneratedSecretsEnvironmentPostProcessor}.
 *
 * @param generate make the unset secrets: by default only when the suite runs on its
 * embedded H2 file database, where every app of the suite is on this machine and shares
 * the same directory; on an external database (PostgreSQL) an unset secret stops start-up
 * unless this is {@code true}
 * @param directory where generated secrets are kept ({@code rpc-secret},
 * {@code token-key}, owner-only); the embedded database's directory ({@code ./var}) by
 * default, else {@code ./var}
 */
@ConfigurationProperties("nova.secrets")
public record SecretsProperties(Boolean generate, Path directory) {

}
