package dev.novaboot.service.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request that Spring Security's firewall refused (a path that is not in canonical form:
 * {@code //}, {@code /./}, {@code ..}, {@code ;}, an encoded slash, period or percent sign):
 * 400 in the API's fault shape. Such a path could be read one way by a security check and
 * another by routing, so it is never let through.
 */
public class FirewallRejections implements RequestRejectedHandler {

	private static final Log logger = LogFactory.getLog(FirewallRejections.class);

	private final ApiFaults faults;

	public FirewallRejections(ApiFaults faults) {
		this.faults = faults;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException ex) throws IOException {
		logger.debug("Refused a request from " + request.getRemoteAddr() + ": " + ex.getMessage());
		this.faults.write(request, response, HttpStatus.BAD_REQUEST,
				"The request path is not in canonical form (no '//', '/./', '/../', ';', nor encoded '/', '.', '%').");
	}

}
