package dev.novaboot.service.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.NotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The starter's own API exceptions and Spring MVC's request errors for every controller
 * that no API advice of its own covers: the same fault, in the app's shape, last in line.
 * Without it, a {@link BadRequestException} from such a controller would be a 500.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class FallbackFaultAdvice {

	private final ApiFaults faults;

	public FallbackFaultAdvice(ApiFaults faults) {
		this.faults = faults;
	}

	@ExceptionHandler
	void notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.faults.write(request, response, HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	void badRequest(BadRequestException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.faults.write(request, response, HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	void unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.faults.write(request, response, HttpStatus.BAD_REQUEST, ApiFaults.MALFORMED_BODY);
	}

	@ExceptionHandler
	void typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.faults.write(request, response, HttpStatus.BAD_REQUEST,
				"Invalid value for " + ex.getName() + ": expected " + ((ex.getRequiredType() != null)
						? ex.getRequiredType().getSimpleName().toLowerCase() : "another type") + ".");
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, ServletRequestBindingException.class })
	void binding(ServletRequestBindingException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		this.faults.write(request, response, HttpStatus.BAD_REQUEST, ex.getBody().getDetail());
	}

}
