package dev.novaboot.volume.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.web.ApiFaults;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Negotiates the microversion of every {@code /v3} request as Cinder's
 * {@code wsgi.Request.set_api_version_request} does: without an
 * {@code OpenStack-API-Version} header the request is 3.0; {@code volume latest} is the
 * newest served; a version outside the served range is {@code 406}, a malformed one
 * {@code 400}. The answer names the version that answered, with
 * {@code Vary: OpenStack-API-Version}.
 */
class MicroversionFilter extends OncePerRequestFilter {

	static final String HEADER = "OpenStack-API-Version";

	private static final String SERVICE = "volume";

	private final ApiFaults faults;

	MicroversionFilter(ApiFaults faults) {
		this.faults = faults;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Microversion version;
		try {
			version = negotiate(request.getHeader(HEADER));
		}
		catch (VersionException ex) {
			this.faults.write(request, response, ex.status, ex.getMessage());
			return;
		}
		request.setAttribute(Microversion.ATTRIBUTE, version);
		response.setHeader(HEADER, SERVICE + " " + version);
		response.addHeader("Vary", HEADER);
		chain.doFilter(request, response);
	}

	private static Microversion negotiate(String header) {
		if (header == null) {
			return VolumeMicroversions.MIN;
		}
		// "volume 3.2" or a list of services' versions, "compute 2.1, volume 3.2"
		String asked = null;
		for (String entry : header.split(",")) {
			if (entry.contains(SERVICE)) {
				String[] words = entry.strip().split("\\s+");
				if (words.length != 2 || !words[0].equals(SERVICE)) {
					throw new VersionException(HttpStatus.BAD_REQUEST, "API Version String "
							+ RequestBodies.shown(entry.strip())
							+ " is of invalid format. Must be of format MajorNum.MinorNum.");
				}
				asked = words[1];
				break;
			}
		}
		if (asked == null) {
			// Cinder's VersionNotFoundForAPIMethod: the header names no volume version
			throw new VersionException(HttpStatus.BAD_REQUEST,
					"API version None is not supported on this method: the " + HEADER + " header names no '"
							+ SERVICE + "' version.");
		}
		if (asked.equals("latest")) {
			return VolumeMicroversions.MAX;
		}
		Microversion version;
		try {
			version = Microversion.parse(asked);
		}
		catch (IllegalArgumentException ex) {
			throw new VersionException(HttpStatus.BAD_REQUEST, "API Version String " + RequestBodies.shown(asked)
					+ " is of invalid format. Must be of format MajorNum.MinorNum.");
		}
		if (!VolumeMicroversions.isServed(version)) {
			throw new VersionException(HttpStatus.NOT_ACCEPTABLE, "Version " + version
					+ " is not supported by the API. Minimum is " + VolumeMicroversions.MIN + " and maximum is "
					+ VolumeMicroversions.MAX
					+ ".");
		}
		return version;
	}

	private static final class VersionException extends RuntimeException {

		private final HttpStatus status;

		VersionException(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

	}

}
