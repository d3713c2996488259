package dev.novaboot.volume.api;

import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.volume.manager.VolumeManager;

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
	RpcVolumeHostDispatcher volumeHostDispatcher(VolumeManager manager, Rpc rpc) {
		return new RpcVolumeHostDispatcher(manager, rpc);
	}

	@Bean
	FilterRegistrationBean<MicroversionHeaderFilter> microversionHeaderFilter() {
		FilterRegistrationBean<MicroversionHeaderFilter> registration = new FilterRegistrationBean<>(
				new MicroversionHeaderFilter());
		registration.addUrlPatterns("/v3/*");
		return registration;
	}

}
