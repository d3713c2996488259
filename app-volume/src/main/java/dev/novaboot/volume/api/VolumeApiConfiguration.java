package dev.novaboot.volume.api;

import dev.novaboot.volume.manager.VolumeManager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatcher the Block Storage API uses; an RPC transport that defines its own
 * {@link VolumeHostDispatcher} replaces the local one.
 */
@Configuration(proxyBeanMethods = false)
class VolumeApiConfiguration {

	@Bean
	@ConditionalOnMissingBean(VolumeHostDispatcher.class)
	LocalVolumeHostDispatcher localVolumeHostDispatcher(VolumeManager manager) {
		return new LocalVolumeHostDispatcher(manager);
	}

	@Bean
	FilterRegistrationBean<MicroversionHeaderFilter> microversionHeaderFilter() {
		FilterRegistrationBean<MicroversionHeaderFilter> registration = new FilterRegistrationBean<>(
				new MicroversionHeaderFilter());
		registration.addUrlPatterns("/v3/*");
		return registration;
	}

}
