package dev.novaboot.service.auth.token;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * OpenStack clients send their token in {@code X-Auth-Token}, not in an
 * {@code Authorization: Bearer} header. The token request itself is answered without
 * looking at one, so that a client holding a stale token can still log in again.
 */
class XAuthTokenResolver implements BearerTokenResolver {

	static final String HEADER = "X-Auth-Token";

	@Override
	public String resolve(HttpServletRequest request) {
		if ("POST".equals(request.getMethod()) && TokenAuthStrategy.TOKENS_PATH.equals(request.getRequestURI())) {
			return null;
		}
		String token = request.getHeader(HEADER);
		return (token == null || token.isBlank()) ? null : token.trim();
	}

}
