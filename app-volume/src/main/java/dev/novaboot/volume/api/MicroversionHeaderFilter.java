package dev.novaboot.volume.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells clients which microversion answered ({@code OpenStack-API-Version: volume 3.0}),
 * as Cinder does on every {@code /v3} response.
 */
class MicroversionHeaderFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("OpenStack-API-Version", "volume " + VolumeVersionController.MICROVERSION);
		response.addHeader("Vary", "OpenStack-API-Version");
		chain.doFilter(request, response);
	}

}
