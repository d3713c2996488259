package dev.novaboot.compute.manager;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Every compute test's nova-network and nova-volume: in-process stand-ins, so that the
 * compute tests need no other service. A plain configuration of the test sources, found
 * by {@code ComputeApplication}'s component scan; its beans are primary over the RPC
 * clients, which stay (and are tested on their own, by {@code ComputeAloneTests} with
 * {@code nova.compute.local.enabled=false}, and by the integration tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nova.compute.local.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(LocalServicesProperties.class)
class LocalServicesConfiguration {

	@Bean
	@Primary
	LocalNetworkAllocator localNetworkAllocator(LocalServicesProperties properties) {
		return new LocalNetworkAllocator(properties);
	}

	@Bean
	@Primary
	LocalVolumeConnector localVolumeConnector(LocalServicesProperties properties) {
		return new LocalVolumeConnector(properties.volumeDirectory());
	}

}
