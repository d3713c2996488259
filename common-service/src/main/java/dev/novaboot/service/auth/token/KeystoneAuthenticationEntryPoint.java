package dev.novaboot.service.auth.token;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request without a valid token (none, expired, forged, not ours): 401 with a
 * {@code WWW-Authenticate: Keystone uri="..."} hint, as keystonemiddleware answers.
 */
class KeystoneAuthenticationEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		ApiErrors.unauthorized(request, response);
	}

}
