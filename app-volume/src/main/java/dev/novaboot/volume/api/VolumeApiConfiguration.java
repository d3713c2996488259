package dev.novaboot.volume.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Block Storage API's servlet filter: every {@code /v3} answer names its microversion.
 */
@Configuration(proxyBeanMethods = false)
class VolumeApiConfiguration {

	@Bean
	FilterRegistrationBean<MicroversionHeaderFilter> microversionHeaderFilter() {
		FilterRegistrationBean<MicroversionHeaderFilter> registration = new FilterRegistrationBean<>(
				new MicroversionHeaderFilter());
		registration.addUrlPatterns("/v3/*");
		return registration;
	}

}
