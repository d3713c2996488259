package dev.novaboot.service.auth.noauth;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.novaboot.service.auth.RequestIdFilter;
import dev.novaboot.service.context.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Development mode ({@code noauth}): trusts the caller's {@code X-User-Id},
 * {@code X-Project-Id} and {@code X-Roles} headers as Nova's noauth middleware does; a
 * caller that sends none is the {@code admin} user of project {@code admin}.
 */
public class NoAuthRequestContextFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = headerOr(request, "X-User-Id", "admin");
		String project = headerOr(request, "X-Project-Id", "admin");
		Set<String> roles = Arrays.stream(headerOr(request, "X-Roles", "admin").split(","))
			.map(String::trim)
			.filter((role) -> !role.isEmpty())
			.collect(Collectors.toSet());
		request.setAttribute(RequestContext.ATTRIBUTE,
				new RequestContext(RequestIdFilter.requestId(request), user, project, roles));
		// the claimed roles count wherever Spring Security looks too (health details, role
		// checks), as a token's roles do in the token strategy
		List<SimpleGrantedAuthority> authorities = roles.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		chain.doFilter(request, response);
	}

	private static String headerOr(HttpServletRequest request, String name, String fallback) {
		String value = request.getHeader(name);
		return (value == null || value.isBlank()) ? fallback : value.trim();
	}

}
