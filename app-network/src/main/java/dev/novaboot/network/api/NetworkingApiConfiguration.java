package dev.novaboot.network.api;

import dev.novaboot.network.manager.FloatingIpService;
import dev.novaboot.network.manager.PortService;
import dev.novaboot.network.manager.SubnetService;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.SubnetRepository;

import dev.novaboot.service.web.ApiFaultShape;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Networking API v2.0.
 */
@Configuration(proxyBeanMethods = false)
class NetworkingApiConfiguration {

	@Bean
	Views networkingViews(NetworkRepository networks, SubnetRepository subnets, SubnetService subnetService,
			PortService ports, FloatingIpService floatingIps) {
		return new Views(networks, subnets, subnetService, ports, floatingIps);
	}

	/** Every error of this app, wherever it arises, in Neutron's shape. */
	@Bean
	ApiFaultShape neutronFaultShape() {
		return ApiFaultShape.neutron();
	}

}
