package dev.novaboot.service.rpc.http;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to {@code /rpc/**} by its HMAC signature before anything
 * else sees it: unsigned, forged, stale and replayed messages get 401 and never reach the
 * dispatcher. It does not depend on Spring Security, which leaves {@code /rpc/**} to it.
 */
public class RpcSignatureFilter extends OncePerRequestFilter {

	/** Before Spring Security's filter chain (order -100). */
	public static final int ORDER = -110;

	static final String PATH_PREFIX = "/rpc/";

	private static final Log logger = LogFactory.getLog(RpcSignatureFilter.class);

	private final RpcSigner signer;

	private final long maxBodySize;

	public RpcSignatureFilter(RpcSigner signer, long maxBodySize) {
		this.signer = signer;
		this.maxBodySize = maxBodySize;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + PATH_PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodySize + 1));
		if (body.length > this.maxBodySize) {
			reject(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
					"RPC message larger than " + this.maxBodySize + " bytes");
			return;
		}
		try {
			this.signer.verify(request.getRequestURI(), body, request.getHeader(RpcSigner.TIMESTAMP),
					request.getHeader(RpcSigner.NONCE), request.getHeader(RpcSigner.SIGNATURE));
		}
		catch (RpcSigner.BadSignatureException ex) {
			logger.warn("Refused an RPC message from " + request.getRemoteAddr() + ": " + ex.getMessage());
			reject(response, HttpServletResponse.SC_UNAUTHORIZED, ex.getMessage());
			return;
		}
		chain.doFilter(new VerifiedBody(request, body), response);
	}

	private static void reject(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
		response.getOutputStream()
			.write(("{\"error\":{\"code\":" + status + ",\"message\":\"" + escaped + "\"}}")
				.getBytes(StandardCharsets.UTF_8));
	}

	/** The request with the body that was verified, read again by the endpoint. */
	private static final class VerifiedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		VerifiedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("blocking reads only");
				}

			};
		}

		@Override
		public BufferedReader getReader() throws IOException {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
