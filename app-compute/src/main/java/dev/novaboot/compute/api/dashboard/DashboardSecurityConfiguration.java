package dev.novaboot.compute.api.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The dashboard's own security filter chain, before the APIs' (which has no sessions and
 * takes only tokens): a browser logs in once with Keystone's password flow, and the
 * token stays in the server-side session; the browser holds only the session cookie
 * (HttpOnly, SameSite=Strict). Every form that changes something carries a CSRF token.
 * Paths are matched after the firewall has refused the unnormalized ones (encoded
 * slashes, dot segments, semicolons), as for the APIs; the request body limit applies.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

	static final String LOGIN = "/dashboard/login";

	@Bean
	SecurityContextRepository dashboardSecurityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	@Bean
	@Order(0)
	SecurityFilterChain dashboardSecurityFilterChain(HttpSecurity http,
			SecurityContextRepository dashboardSecurityContextRepository) throws Exception {
		http.securityMatcher("/dashboard", "/dashboard/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(LOGIN, "/dashboard/static/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.securityContext((context) -> context.securityContextRepository(dashboardSecurityContextRepository))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN)))
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.logoutUrl("/dashboard/logout").logoutSuccessUrl(LOGIN + "?logged-out"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
				.policyDirectives("default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));
		return http.build();
	}

}
