package dev.novaboot.service.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the servlet container sends every error that no API advice answered (an unknown
 * route, a wrong method or media type, an exception nobody caught): the same error in the
 * API's fault shape instead of Spring Boot's {@code {"timestamp": ..., "path": ...}}. A
 * server error's own message is never shown; the container has logged its cause.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
public class FaultErrorController implements ErrorController {

	private final ApiFaults faults;

	public FaultErrorController(ApiFaults faults) {
		this.faults = faults;
	}

	/**
	 * Written straight to the response, not through content negotiation: an error about
	 * the request's {@code Accept} header (406) must not fail the same way again.
	 */
	@RequestMapping
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		String message = null;
		if (status.is4xxClientError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
				&& request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String given && !given.isBlank()) {
			message = given;
		}
		this.faults.write(request, response, status, message);
	}

	private static HttpStatus status(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
			HttpStatus status = HttpStatus.resolve(code);
			if (status != null && status.isError()) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
