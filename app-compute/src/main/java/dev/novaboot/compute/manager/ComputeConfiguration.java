package dev.novaboot.compute.manager;

import dev.novaboot.compute.ComputeProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What nova-compute wires by hand: the threads that run casts to this host. The clients
 * of the other services are {@code ComputeRpcConfiguration}'s; everything else is a
 * component found by scanning.
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

}
