package dev.novaboot.compute.api;

import java.util.Set;

import dev.novaboot.service.api.ComputeMicroversionFilter;
import dev.novaboot.service.web.ApiFaults;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Compute API's microversions also on its version document at {@code /} (the starter
 * covers {@code /v2.1}), as Nova answers there.
 */
@Configuration(proxyBeanMethods = false)
class ComputeApiConfiguration {

	@Bean
	FilterRegistrationBean<ComputeMicroversionFilter> computeMicroversionFilter(ApiFaults faults) {
		FilterRegistrationBean<ComputeMicroversionFilter> registration = new FilterRegistrationBean<>(
				new ComputeMicroversionFilter(faults, Set.of("/")));
		registration.setOrder(ComputeMicroversionFilter.ORDER);
		return registration;
	}

}
