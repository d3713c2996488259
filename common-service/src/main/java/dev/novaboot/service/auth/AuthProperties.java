package dev.novaboot.service.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.novaboot.service.config.Secrets;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How callers of the suite's APIs are authenticated.
 *
 * @param strategy {@code token} (Keystone-style signed tokens, the default) or
 * {@code noauth} (development only: trusts the caller's headers)
 * @param tokenKey the secret that signs and checks tokens (HMAC-SHA256, at least 32
 * bytes); every app of the suite must share it
 * @param tokenTtl how long an issued token is valid
 * @param bootstrapPassword the password of the {@code admin} user created on a first
 * start; a random one is generated (and written to {@code bootstrapPasswordFile}) when unset
 * @param bootstrapPasswordFile where a generated admin password is written, readable by
 * the owner only
 * @param region the region named in the service catalog
 * @param publicUrls service catalog overrides by service type ({@code compute},
 * {@code volumev3}, {@code network}, {@code image}, {@code identity}): the public URL to
 * publish instead of the one derived from the services table; {@code {project_id}} is
 * replaced with the token's project
 * @param lockoutFailureAttempts how many wrong passwords in a row lock a user (Keystone's
 * {@code [security_compliance] lockout_failure_attempts}); {@code 0} turns lockout off
 * @param lockoutDuration how long a locked user stays locked after the last wrong
 * password (Keystone's {@code lockout_duration}); an administrator unlocks earlier by
 * setting the user {@code enabled}
 */
@ConfigurationProperties("nova.auth")
@Validated
public record AuthProperties(@DefaultValue("token") AuthStrategy.Choice strategy, String tokenKey,
		@DefaultValue("1h") Duration tokenTtl, String bootstrapPassword,
		@DefaultValue("var/admin-password") Path bootstrapPasswordFile, @DefaultValue("RegionOne") String region,
		Map<String, String> publicUrls,
		@DefaultValue("10") @PositiveOrZero(message = "must be 0 (no lockout) or more") int lockoutFailureAttempts,
		// always a limit: a lock for good would let anyone who knows a user name lock them out
		@DefaultValue("5m") @NotNull(message = "must be set") @DurationMin(nanos = 1,
				message = "must be positive") Duration lockoutDuration) {

	public AuthProperties {
		publicUrls = (publicUrls != null) ? Map.copyOf(publicUrls) : Map.of();
	}

	// the generated one would print the token key and the admin password
	@Override
	public String toString() {
		return "AuthProperties[strategy=" + this.strategy + ", tokenKey=" + Secrets.mask(this.tokenKey) + ", tokenTtl="
				+ this.tokenTtl + ", bootstrapPassword=" + Secrets.mask(this.bootstrapPassword)
				+ ", bootstrapPasswordFile=" + this.bootstrapPasswordFile + ", region=" + this.region + ", publicUrls="
				+ this.publicUrls + ", lockoutFailureAttempts=" + this.lockoutFailureAttempts + ", lockoutDuration="
				+ this.lockoutDuration + "]";
	}

}
