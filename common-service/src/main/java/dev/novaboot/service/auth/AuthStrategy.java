package dev.novaboot.service.auth;

import dev.novaboot.service.driver.SelectedBy;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How the API layer learns who calls: from a signed token ({@code token}) or, in
 * development, from the caller's own headers ({@code noauth}). Either way the outcome is a
 * {@link dev.novaboot.service.context.RequestContext} in the request for controllers.
 */
@SelectedBy(property = "nova.auth.strategy", choices = AuthStrategy.Choice.class)
public interface AuthStrategy {

	/** The value of {@code nova.auth.strategy} that selects this strategy. */
	String name();

	/**
	 * Adds this strategy's authentication and access rules to the suite's one security
	 * filter chain.
	 */
	void configure(HttpSecurity http) throws Exception;

	/** The values of {@code nova.auth.strategy}. */
	enum Choice {

		/** Keystone-style signed tokens from the suite's identity API (the default). */
		TOKEN,

		/** The caller's own {@code X-User-Id}, {@code X-Project-Id} and {@code X-Roles} headers, for development only. */
		NOAUTH

	}

}
