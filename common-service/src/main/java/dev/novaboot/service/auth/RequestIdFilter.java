package dev.novaboot.service.auth;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@code req-<uuid>}, as oslo's request-id middleware does):
 * the caller's {@code X-OpenStack-Request-ID} when it has that form, a new one otherwise.
 * It is returned in the same header, even on a 401, so that an operator can find the
 * request in every service's log.
 */
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header that carries the request id both ways. */
	public static final String HEADER = "X-OpenStack-Request-ID";

	/** The request attribute under which the id is kept for the rest of the request. */
	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

	private static final Pattern REQUEST_ID = Pattern
		.compile("req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		// only the documented form is reused: a caller must not inject text into our logs
		String requestId = (given != null && REQUEST_ID.matcher(given.trim()).matches()) ? given.trim()
				: "req-" + UUID.randomUUID();
		request.setAttribute(ATTRIBUTE, requestId);
		response.setHeader(HEADER, requestId);
		chain.doFilter(request, response);
	}

	/** The id of the current request, set by this filter. */
	public static String requestId(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		return (id != null) ? id.toString() : "req-" + UUID.randomUUID();
	}

}
