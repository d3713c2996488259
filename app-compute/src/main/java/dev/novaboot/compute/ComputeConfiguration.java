package dev.novaboot.compute;

import dev.novaboot.compute.manager.ComputeHostDispatcher;
import dev.novaboot.compute.manager.LocalComputeHostDispatcher;
import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.manager.FlavorCatalog;
import dev.novaboot.compute.manager.InstanceLocks;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.compute.manager.InstanceStates;
import dev.novaboot.compute.manager.LocalNetworkAllocator;
import dev.novaboot.compute.manager.NetworkAllocator;
import dev.novaboot.compute.store.ComputeNodeRepository;
import dev.novaboot.compute.manager.ResourceTracker;
import dev.novaboot.compute.manager.CrashRecovery;
import dev.novaboot.compute.manager.DeadHostBuilds;
import dev.novaboot.compute.manager.PowerStateSync;
import dev.novaboot.compute.manager.Scheduler;
import dev.novaboot.compute.manager.LocalVolumeConnector;
import dev.novaboot.compute.store.VolumeAttachmentRepository;
import dev.novaboot.compute.manager.VolumeAttachments;
import dev.novaboot.compute.manager.VolumeConnector;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * nova-compute's parts: its schema, the instance state keeper, scheduler, resource
 * tracker and reconcilers, and the in-process stand-ins for the network and volume
 * services and for RPC to compute hosts (each replaceable by an RPC-backed bean).
 */
@Configuration(proxyBeanMethods = false)
class ComputeConfiguration {

	@Bean
	FlavorCatalog flavorCatalog(ComputeProperties properties) {
		return new FlavorCatalog(properties.flavors());
	}

	@Bean
	InstanceStates instanceStates(InstanceRepository instances, DatabaseClock databaseClock) {
		return new InstanceStates(instances, databaseClock);
	}

	@Bean
	InstanceLocks instanceLocks() {
		return new InstanceLocks(64);
	}

	@Bean
	Scheduler scheduler(ServiceGroup serviceGroup, ComputeNodeRepository nodes, InstanceStates states,
			DatabaseClock databaseClock) {
		return new Scheduler(serviceGroup, nodes, states, databaseClock);
	}

	@Bean
	ResourceTracker resourceTracker(ServiceIdentity identity, ComputeDriver driver, ComputeNodeRepository nodes,
			ComputeProperties properties, DatabaseClock databaseClock) {
		return new ResourceTracker(identity.host(), driver, nodes, properties, databaseClock);
	}

	@Bean
	VolumeAttachments volumeAttachments(ServiceIdentity identity, ComputeDriver driver, VolumeConnector connector,
			VolumeAttachmentRepository repository, JsonMapper jsonMapper, PlatformTransactionManager transactions) {
		return new VolumeAttachments(identity.host(), driver, connector, repository, jsonMapper,
				new TransactionTemplate(transactions));
	}

	@Bean
	CrashRecovery crashRecovery(ServiceIdentity identity, ComputeDriver driver, InstanceRepository instances,
			InstanceStates states) {
		return new CrashRecovery(identity.host(), driver, instances, states);
	}

	@Bean
	PowerStateSync powerStateSync(ServiceIdentity identity, ComputeDriver driver, InstanceRepository instances,
			InstanceStates states) {
		return new PowerStateSync(identity.host(), driver, instances, states);
	}

	@Bean
	DeadHostBuilds deadHostBuilds(InstanceRepository instances, InstanceStates states,
			ServiceRecordRepository services, ServiceGroup serviceGroup, DatabaseClock databaseClock,
			ComputeProperties properties) {
		return new DeadHostBuilds(instances, states, services, serviceGroup, databaseClock,
				properties.deadHostGrace());
	}

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
