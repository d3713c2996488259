package dev.novaboot.service.auth;

import java.time.Clock;

import dev.novaboot.service.auth.identity.IdentityConfiguration;
import dev.novaboot.service.auth.noauth.NoAuthStrategy;
import dev.novaboot.service.auth.token.TokenAuthStrategy;
import dev.novaboot.service.auth.token.TokenKey;
import dev.novaboot.service.auth.token.TokenService;
import dev.novaboot.service.autoconfigure.NovaServiceAutoConfiguration;
import dev.novaboot.service.schema.SchemaModule;
import dev.novaboot.service.web.ApiFaultShape;
import dev.novaboot.service.web.ApiFaults;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Authentication and policy for every app of the suite, chosen by
 * {@code nova.auth.strategy}: Keystone-style signed tokens with the identity service that
 * issues them ({@code token}, the default), or trusted headers ({@code noauth}, for
 * development). Either way, one security filter chain that ends with a
 * {@link dev.novaboot.service.context.RequestContext} in every request it lets through.
 */
@AutoConfiguration(after = NovaServiceAutoConfiguration.class,
		before = { UserDetailsServiceAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@EnableConfigurationProperties(AuthProperties.class)
public final class NovaAuthAutoConfiguration {

	/** Before Spring Security's filter chain (order -100), so that a 401 carries the id. */
	static final int REQUEST_ID_FILTER_ORDER = -110;

	/** Spring Security's observation of a request that a chain without filters let through. */
	static final String UNSECURED_REQUESTS = "spring.security.http.unsecured.requests";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SchemaModule identitySchemaModule() {
		return new SchemaModule("identity", "classpath:db/migration/identity");
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordEncoder passwordEncoder() {
		// bcrypt, with the {id} prefix that lets a later default re-hash old passwords
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.auth.strategy", havingValue = "token", matchIfMissing = true)
	@Import(IdentityConfiguration.class)
	static class TokenStrategyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenService tokenService(AuthProperties properties) {
			return new TokenService(TokenKey.of(properties.tokenKey()), properties.tokenTtl(), Clock.systemUTC());
		}

		// also tells Spring Boot not to invent a user with a generated password
		@Bean
		@ConditionalOnMissingBean
		JwtDecoder jwtDecoder(TokenService tokenService) {
			return tokenService.decoder();
		}

		@Bean
		@ConditionalOnMissingBean(AuthStrategy.class)
		AuthStrategy tokenAuthStrategy(TokenService tokenService, ObjectProvider<ApiFaults> faults) {
			// outside a web app nothing is refused, so any shape does
			return new TokenAuthStrategy(tokenService,
					faults.getIfAvailable(() -> new ApiFaults(ApiFaultShape.openStack())));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "nova.auth.strategy", havingValue = "noauth")
	static class NoAuthStrategyConfiguration {

		@Bean
		@ConditionalOnMissingBean(AuthStrategy.class)
		AuthStrategy noAuthStrategy() {
			return new NoAuthStrategy();
		}

		// nothing authenticates in noauth; without this Spring Boot would invent a user
		// with a generated password and log it, which would only mislead
		@Bean
		@ConditionalOnMissingBean
		AuthenticationManager noAuthenticationManager() {
			return (authentication) -> {
				throw new ProviderNotFoundException("nova.auth.strategy=noauth authenticates nobody");
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@EnableWebSecurity
	static class WebSecurityConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "requestIdFilter")
		FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
			FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
			registration.setOrder(REQUEST_ID_FILTER_ORDER);
			return registration;
		}

		/**
		 * {@code /rpc/**} authenticates each message itself (a signature, a timestamp and
		 * a nonce, checked by the endpoint against the path it serves), and the API chain
		 * only permitted it: a chain without filters skips a dozen filters per message
		 * (and their observations) and leaves the firewall (normalized paths) in place.
		 */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		@ConditionalOnMissingBean(name = "novaRpcSecurityFilterChain")
		SecurityFilterChain novaRpcSecurityFilterChain() {
			return new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher("/rpc/**"));
		}

		/**
		 * The chain above is the only one without filters, so Spring Security's
		 * "unsecured request" observation would time nothing but RPC messages, which
		 * {@code RpcObserver} times already ({@code nova.rpc}).
		 */
		@Bean
		@ConditionalOnMissingBean(name = "rpcMessagesAreNotUnsecuredRequests")
		ObservationPredicate rpcMessagesAreNotUnsecuredRequests() {
			return (name, context) -> !UNSECURED_REQUESTS.equals(name);
		}

		@Bean
		@ConditionalOnMissingBean(name = "novaSecurityFilterChain")
		SecurityFilterChain novaSecurityFilterChain(HttpSecurity http, AuthStrategy strategy) throws Exception {
			// an API of tokens: no sessions, no cookies to forge requests with, no login page
			http.csrf((csrf) -> csrf.disable())
				.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache((cache) -> cache.disable())
				.securityContext((context) -> context.requireExplicitSave(true));
			strategy.configure(http);
			return http.build();
		}

	}

}
