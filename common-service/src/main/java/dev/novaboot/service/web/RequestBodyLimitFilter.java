package dev.novaboot.service.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Refuses a request body larger than the limit with 413 before anything parses it, so that
 * no caller, authenticated or not, can put the heap at risk: a declared length is checked
 * before a byte is read; a chunked body is read up to the limit and no further. The signed
 * RPC endpoint has a limit of its own; every other path has the API limit.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	/** Before the request id (-110) would be too early for the id header; before security (-100). */
	public static final int ORDER = -105;

	private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

	private final long apiLimit;

	private final long rpcLimit;

	private final ApiFaults faults;

	public RequestBodyLimitFilter(long apiLimit, long rpcLimit, ApiFaults faults) {
		this.apiLimit = apiLimit;
		this.rpcLimit = rpcLimit;
		this.faults = faults;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
		if (declared <= 0 && !chunked) {
			// no body: nothing to limit
			chain.doFilter(request, response);
			return;
		}
		long limit = limitFor(request);
		if (declared > limit) {
			tooLarge(request, response, limit);
			return;
		}
		if (!chunked) {
			// the container reads no further than the declared length
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
		if (body.length > limit) {
			tooLarge(request, response, limit);
			return;
		}
		chain.doFilter(new CachedBodyRequest(request, body), response);
	}

	private long limitFor(HttpServletRequest request) {
		try {
			return PATHS.getPathWithinApplication(request).startsWith("/rpc/") ? this.rpcLimit : this.apiLimit;
		}
		catch (RuntimeException ex) {
			return this.apiLimit;
		}
	}

	private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
		// the rest of the body is not worth reading: the connection goes
		response.setHeader("Connection", "close");
		this.faults.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
				"Request is too large: the body may have at most " + limit + " bytes.");
	}

}
