package dev.novaboot.service.auth.token;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.novaboot.service.web.ApiFaults;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A valid token whose roles do not allow the request: 403 naming the roles the caller
 * has, so that an operator sees which assignment is missing.
 */
class PolicyAccessDeniedHandler implements AccessDeniedHandler {

	private final ApiFaults faults;

	PolicyAccessDeniedHandler(ApiFaults faults) {
		this.faults = faults;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String roles = (authentication != null) ? String.join(",", authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map((authority) -> authority.replaceFirst("^ROLE_", ""))
			.sorted()
			.toList()) : "";
		this.faults.write(request, response, HttpStatus.FORBIDDEN, "Policy doesn't allow " + request.getMethod() + " "
				+ request.getRequestURI() + " with roles [" + roles + "]: " + TokenAuthStrategy.ruleFor(request));
	}

}
