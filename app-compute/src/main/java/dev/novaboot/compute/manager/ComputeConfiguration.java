package dev.novaboot.compute.manager;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What nova-compute wires by hand: the threads that run casts to this host, and what
 * {@code nova.compute.standalone=true} selects, the in-process stand-ins for the network
 * and volume services and for RPC to compute hosts (else {@code ComputeRpcConfiguration}'s
 * RPC-backed beans). Everything else is a component found by scanning.
 */
@Configuration(proxyBeanMethods = false)
class ComputeConfiguration {

	/** The threads that run casts to this host: sized explicitly (Java 17, no virtual threads). */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor computeBuildExecutor(ComputeProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.buildWorkers());
		executor.setMaxPoolSize(properties.buildWorkers());
		executor.setThreadNamePrefix("nova-compute-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		executor.initialize();
		return executor;
	}

	@Bean
	@ConditionalOnProperty(name = "nova.compute.standalone", havingValue = "true")
	ComputeHostDispatcher computeHostDispatcher(ServiceIdentity identity, ObjectProvider<ComputeRpcApi> manager,
			ThreadPoolTaskExecutor computeBuildExecutor) {
		return new LocalComputeHostDispatcher(identity.host(), manager, computeBuildExecutor);
	}

	@Bean
	@ConditionalOnProperty(name = "nova.compute.standalone", havingValue = "true")
	LocalNetworkAllocator localNetworkAllocator(ComputeProperties properties) {
		return new LocalNetworkAllocator(properties.local());
	}

	@Bean
	@ConditionalOnProperty(name = "nova.compute.standalone", havingValue = "true")
	LocalVolumeConnector localVolumeConnector(ComputeProperties properties) {
		return new LocalVolumeConnector(properties.local().volumeDirectory());
	}

}
