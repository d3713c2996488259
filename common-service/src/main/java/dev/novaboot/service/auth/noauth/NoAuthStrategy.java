package dev.novaboot.service.auth.noauth;

import dev.novaboot.service.auth.AuthStrategy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code nova.auth.strategy=noauth}: no authentication at all; whoever reaches the port
 * is whoever the headers say. For development on a laptop only, hence the warning.
 */
public class NoAuthStrategy implements AuthStrategy, InitializingBean {

	private static final Log logger = LogFactory.getLog(NoAuthStrategy.class);

	@Override
	public String name() {
		return "noauth";
	}

	@Override
	public void afterPropertiesSet() {
		logger.warn("*** nova.auth.strategy=noauth: AUTHENTICATION IS OFF. Every caller is trusted as the user, "
				+ "project and roles of its X-User-Id, X-Project-Id and X-Roles headers (admin when absent). "
				+ "Never run this way where anyone else can reach these ports. ***");
	}

	@Override
	public void configure(HttpSecurity http) throws Exception {
		http.addFilterBefore(new NoAuthRequestContextFilter(), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
	}

}
