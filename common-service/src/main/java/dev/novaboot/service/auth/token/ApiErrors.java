package dev.novaboot.service.auth.token;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The bodies and headers of the auth layer's 401 and 403, in the shapes OpenStack
 * clients read: keystonemiddleware's {@code {"error": {...}}} for 401 and for the
 * identity API, the service's {@code {"forbidden": {...}}} fault for a policy refusal.
 */
final class ApiErrors {

	private static final JsonMapper JSON = JsonMapper.shared();

	private ApiErrors() {
	}

	static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// keystonemiddleware's hint: where to get a token
		response.setHeader("WWW-Authenticate", "Keystone uri=\"" + identityUri(request) + "\"");
		write(response, HttpStatus.UNAUTHORIZED, Map.of("error", Map.of("code", 401, "title", "Unauthorized", "message",
				"The request you have made requires authentication.")));
	}

	static void forbidden(HttpServletRequest request, HttpServletResponse response, String message)
			throws IOException {
		Object body = request.getRequestURI().startsWith("/identity/")
				? Map.of("error", Map.of("code", 403, "title", "Forbidden", "message", message))
				: Map.of("forbidden", Map.of("code", 403, "message", message));
		write(response, HttpStatus.FORBIDDEN, body);
	}

	/** Where clients of this app get tokens: its own identity endpoint. */
	static String identityUri(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/identity/v3").build().toUriString();
	}

	private static void write(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), body);
	}

}
