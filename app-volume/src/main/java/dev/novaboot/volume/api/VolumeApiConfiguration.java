package dev.novaboot.volume.api;

import dev.novaboot.service.web.ApiFaults;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Block Storage API's microversions: the filter that negotiates every {@code /v3}
 * request's version; controller methods that take a {@code Microversion} get it through
 * the starter's argument resolver.
 */
@Configuration(proxyBeanMethods = false)
class VolumeApiConfiguration {

	@Bean
	FilterRegistrationBean<MicroversionFilter> microversionFilter(ApiFaults faults) {
		FilterRegistrationBean<MicroversionFilter> registration = new FilterRegistrationBean<>(
				new MicroversionFilter(faults));
		registration.addUrlPatterns("/v3/*");
		return registration;
	}

}
