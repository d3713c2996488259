package dev.novaboot.service.auth.token;

import java.io.IOException;
import java.util.HashSet;

import dev.novaboot.service.auth.RequestIdFilter;
import dev.novaboot.service.context.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the checked token into the {@link RequestContext} that controllers receive and
 * that RPC carries on: request id, user, project and roles.
 */
class TokenRequestContextFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken jwt) {
			Token token = TokenService.read(jwt.getToken());
			request.setAttribute(RequestContext.ATTRIBUTE,
					new RequestContext(RequestIdFilter.requestId(request), token.subject().user().id(),
							(token.subject().project() != null) ? token.subject().project().id() : null,
							new HashSet<>(token.subject().roleNames())));
		}
		chain.doFilter(request, response);
	}

}
