package dev.novaboot.network.api;

import dev.novaboot.service.web.ApiFaultShape;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Networking API v2.0.
 */
@Configuration(proxyBeanMethods = false)
class NetworkingApiConfiguration {

	/** Every error of this app, wherever it arises, in Neutron's shape. */
	@Bean
	ApiFaultShape neutronFaultShape() {
		return ApiFaultShape.neutron();
	}

}
