package dev.novaboot.network.manager;

import dev.novaboot.network.NetworkProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One network manager strategy, chosen by {@code nova.network.manager} ({@code flat} when
 * unset); what the strategies share ({@link NetworkOperations}, the services) are
 * components.
 */
@Configuration(proxyBeanMethods = false)
public class NetworkManagerConfiguration {

	@Bean
	@ConditionalOnProperty(name = "nova.network.manager", havingValue = "flat", matchIfMissing = true)
	FlatManager flatManager(NetworkOperations operations, NetworkService networks) {
		return new FlatManager(operations, networks);
	}

	@Bean
	@ConditionalOnProperty(name = "nova.network.manager", havingValue = "flat-dhcp")
	FlatDhcpManager flatDhcpManager(NetworkOperations operations, NetworkService networks) {
		return new FlatDhcpManager(operations, networks);
	}

	@Bean
	@ConditionalOnProperty(name = "nova.network.manager", havingValue = "vlan")
	VlanManager vlanManager(NetworkOperations operations, NetworkService networks, NetworkProperties properties) {
		return new VlanManager(operations, networks, properties);
	}

}
