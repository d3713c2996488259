package dev.novaboot.service.api;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.novaboot.service.api.ComputeMicroversions.InvalidMicroversionException;
import dev.novaboot.service.auth.RequestIdFilter;
import dev.novaboot.service.web.ApiFaults;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Negotiates the Compute API microversion of every request under {@code /v2.1} (and of the
 * other paths an app names, such as compute's version document at {@code /}), keeps it in
 * the request attribute {@link Microversion#ATTRIBUTE}, and answers with it in
 * {@code OpenStack-API-Version: compute X.Y}, {@code X-OpenStack-Nova-API-Version: X.Y}
 * and {@code Vary}, on errors too. As Nova: a version not of the form {@code X.Y} is 400
 * (and no version headers, none having been negotiated), a version outside the range is
 * 406 (with the headers naming the version asked for). It also gives every answer of the
 * Compute API Nova's {@code x-compute-request-id}, the request's id that
 * {@code X-OpenStack-Request-ID} and the request context carry.
 */
public class ComputeMicroversionFilter extends OncePerRequestFilter {

	/** Runs after the request id (so that a refusal has one) and before authentication. */
	public static final int ORDER = -108;

	public static final String STANDARD_HEADER = "OpenStack-API-Version";

	public static final String LEGACY_HEADER = "X-OpenStack-Nova-API-Version";

	/** Nova's own name for the request id, beside oslo's {@code X-OpenStack-Request-ID}. */
	public static final String COMPUTE_REQUEST_ID_HEADER = "x-compute-request-id";

	private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

	private final ApiFaults faults;

	private final Set<String> otherPaths;

	/**
	 * @param faults writes the refusals in the API's fault shape
	 * @param otherPaths exact paths beyond {@code /v2.1} that speak the Compute API
	 */
	public ComputeMicroversionFilter(ApiFaults faults, Set<String> otherPaths) {
		this.faults = faults;
		this.otherPaths = Set.copyOf(otherPaths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = PATHS.getPathWithinApplication(request);
		return !(path.equals("/v2.1") || path.startsWith("/v2.1/") || this.otherPaths.contains(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(COMPUTE_REQUEST_ID_HEADER, RequestIdFilter.requestId(request));
		Microversion version;
		try {
			version = ComputeMicroversions.requested(request.getHeader(STANDARD_HEADER),
					request.getHeader(LEGACY_HEADER));
		}
		catch (InvalidMicroversionException ex) {
			this.faults.write(request, response, HttpStatus.BAD_REQUEST, ex.getMessage());
			return;
		}
		response.setHeader(STANDARD_HEADER, "compute " + version);
		response.setHeader(LEGACY_HEADER, version.toString());
		response.addHeader("Vary", STANDARD_HEADER + ", " + LEGACY_HEADER);
		if (!ComputeMicroversions.isSupported(version)) {
			this.faults.write(request, response, HttpStatus.NOT_ACCEPTABLE, ComputeMicroversions.unsupported(version));
			return;
		}
		request.setAttribute(Microversion.ATTRIBUTE, version);
		chain.doFilter(request, response);
	}

}
