package dev.novaboot.service.auth.token;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.novaboot.service.web.ApiFaultShape;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The body and headers of the auth layer's 401, in the shape OpenStack clients read:
 * keystonemiddleware's {@code {"error": {...}}}, whichever API was asked. (A policy
 * refusal, 403, is in the API's own fault shape: {@link dev.novaboot.service.web.ApiFaults}.)
 */
final class ApiErrors {

	private static final JsonMapper JSON = JsonMapper.shared();

	private ApiErrors() {
	}

	static void unauthorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// keystonemiddleware's hint: where to get a token
		response.setHeader("WWW-Authenticate", "Keystone uri=\"" + identityUri(request) + "\"");
		write(response, HttpStatus.UNAUTHORIZED, ApiFaultShape.keystone()
			.body(HttpStatus.UNAUTHORIZED, "The request you have made requires authentication."));
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
