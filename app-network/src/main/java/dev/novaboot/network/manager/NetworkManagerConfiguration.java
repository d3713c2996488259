package dev.novaboot.network.manager;

import dev.novaboot.network.NetworkProperties;
import dev.novaboot.network.driver.NetworkDriver;
import dev.novaboot.network.store.AllocationPoolRepository;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.FloatingIpRepository;
import dev.novaboot.network.store.NetworkRepository;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.SubnetRepository;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.record.DatabaseClock;


import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parts every manager strategy shares: the address allocator, the services behind the
 * API and the RPC contract, and host networking.
 */
@Configuration(proxyBeanMethods = false)
public class NetworkManagerConfiguration {

	@Bean
	TransactionTemplate networkTransactions(PlatformTransactionManager transactionManager) {
		return new TransactionTemplate(transactionManager);
	}

	@Bean
	AddressAllocator addressAllocator(JdbcTemplate jdbcTemplate) {
		return new AddressAllocator(jdbcTemplate);
	}

	@Bean
	SubnetService subnetService(NetworkRepository networks, SubnetRepository subnets, AllocationPoolRepository pools,
			FixedIpRepository fixedIps, AddressAllocator allocator, TransactionTemplate networkTransactions) {
		return new SubnetService(networks, subnets, pools, fixedIps, allocator, networkTransactions);
	}

	@Bean
	NetworkService networkService(NetworkRepository networks, SubnetRepository subnets, PortRepository ports,
			FloatingIpRepository floatingIps, SubnetService subnetService, NetworkProperties properties,
			TransactionTemplate networkTransactions) {
		return new NetworkService(networks, subnets, ports, floatingIps, subnetService, properties, networkTransactions);
	}

	@Bean
	PortService portService(NetworkRepository networks, SubnetRepository subnets, PortRepository ports,
			FixedIpRepository fixedIps, FloatingIpRepository floatingIps, AddressAllocator allocator,
			TransactionTemplate networkTransactions) {
		return new PortService(networks, subnets, ports, fixedIps, floatingIps, allocator, networkTransactions);
	}

	@Bean
	FloatingIpService floatingIpService(NetworkRepository networks, SubnetRepository subnets, PortRepository ports,
			FixedIpRepository fixedIps, FloatingIpRepository floatingIps, AddressAllocator allocator,
			TransactionTemplate networkTransactions) {
		return new FloatingIpService(networks, subnets, ports, fixedIps, floatingIps, allocator, networkTransactions);
	}

	@Bean
	HostNetworking hostNetworking(NetworkDriver driver, NetworkRepository networks, SubnetRepository subnets,
			PortRepository ports, FixedIpRepository fixedIps, FloatingIpRepository floatingIps,
			NetworkProperties properties, ServiceIdentity identity, TransactionTemplate networkTransactions) {
		return new HostNetworking(driver, networks, subnets, ports, fixedIps, floatingIps, properties, identity.host(),
				networkTransactions);
	}

	@Bean
	NetworkOperations networkOperations(NetworkRepository networks, SubnetRepository subnets,
			FixedIpRepository fixedIps, PortService ports, FloatingIpService floatingIps, HostNetworking host,
			InstanceDirectory instanceDirectory, DatabaseClock clock, NetworkProperties properties) {
		return new NetworkOperations(networks, subnets, fixedIps, ports, floatingIps, host, instanceDirectory, clock,
				properties.release().gracePeriod());
	}

}
