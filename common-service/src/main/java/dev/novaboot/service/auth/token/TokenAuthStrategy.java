package dev.novaboot.service.auth.token;

import java.util.Collection;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import dev.novaboot.service.auth.AuthStrategy;
import dev.novaboot.service.web.ApiFaults;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * {@code nova.auth.strategy=token}: every request but the open ones carries a token
 * signed with the suite's key, and the roles in it decide what the request may do.
 * <ul>
 * <li>open: health probes, version documents, the token request itself and
 * {@code /rpc/**} (which authenticates its own messages);</li>
 * <li>admin only: service and hypervisor administration, IP availability, the identity admin API, the
 * other actuator endpoints;</li>
 * <li>everything else: {@code reader} may read (GET, HEAD), changing anything needs
 * {@code member} or {@code admin}.</li>
 * </ul>
 * Which project's resources a caller sees is the business of each API (another
 * project's resource is a 404), through {@link dev.novaboot.service.context.RequestContext}.
 */
public class TokenAuthStrategy implements AuthStrategy {

	static final String TOKENS_PATH = "/identity/v3/auth/tokens";

	static final String ADMIN = "admin";

	static final String MEMBER = "member";

	static final String READER = "reader";

	static final String[] ADMIN_ONLY = { "/v2.1/os-services/**", "/v3/*/os-services/**", "/v2.1/os-hypervisors/**",
			"/v2.0/network-ip-availabilities/**", "/identity/v3/projects/**", "/identity/v3/users/**", "/identity/v3/roles/**", "/identity/v3/domains/**",
			"/identity/v3/role_assignments/**", "/actuator/**" };

	private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private final TokenService tokens;

	private final ApiFaults faults;

	public TokenAuthStrategy(TokenService tokens, ApiFaults faults) {
		this.tokens = tokens;
		this.faults = faults;
	}

	@Override
	public String name() {
		return "token";
	}

	@Override
	public void configure(HttpSecurity http) throws Exception {
		KeystoneAuthenticationEntryPoint entryPoint = new KeystoneAuthenticationEntryPoint();
		PolicyAccessDeniedHandler accessDenied = new PolicyAccessDeniedHandler(this.faults);
		http.oauth2ResourceServer((resourceServer) -> resourceServer.bearerTokenResolver(new XAuthTokenResolver())
			.authenticationEntryPoint(entryPoint)
			.accessDeniedHandler(accessDenied)
			.jwt((jwt) -> jwt.decoder(this.tokens.decoder()).jwtAuthenticationConverter(new RolesConverter())))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied))
			.addFilterAfter(new TokenRequestContextFilter(), BearerTokenAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				// an error page rendered for a request that was already let through
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
						"/actuator/health/readiness")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/", "/v2.1", "/v3", "/identity/v3", "/image")
				.permitAll()
				.requestMatchers(HttpMethod.POST, TOKENS_PATH)
				.permitAll()
				.requestMatchers("/rpc/**")
				.permitAll()
				.requestMatchers(ADMIN_ONLY)
				.hasRole(ADMIN)
				// validating a token: the subject itself or an admin, checked by the controller
				.requestMatchers(HttpMethod.GET, TOKENS_PATH)
				.authenticated()
				.requestMatchers(HttpMethod.HEAD, TOKENS_PATH)
				.authenticated()
				.requestMatchers(readOnly())
				.hasAnyRole(ADMIN, MEMBER, READER)
				.anyRequest()
				.hasAnyRole(ADMIN, MEMBER));
	}

	private static RequestMatcher readOnly() {
		return (request) -> READ_METHODS.contains(request.getMethod());
	}

	/** Which rule refused a request, for the 403 message. */
	static String ruleFor(HttpServletRequest request) {
		String path = request.getRequestURI();
		for (String pattern : ADMIN_ONLY) {
			String prefix = pattern.substring(0, pattern.indexOf("/**"));
			if (prefix.contains("*") ? path.matches("/v3/[^/]+/os-services(/.*)?") : path.startsWith(prefix)) {
				return "it needs the admin role.";
			}
		}
		return READ_METHODS.contains(request.getMethod()) ? "it needs the reader, member or admin role."
				: "changing anything needs the member or admin role.";
	}

	/** Roles from the token's {@code roles} claim, as {@code ROLE_<name>} authorities. */
	static final class RolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			Collection<GrantedAuthority> authorities = TokenService.read(jwt)
				.subject()
				.roleNames()
				.stream()
				.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
				.toList();
			return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
		}

	}

}
