package dev.novaboot.compute.rpc;

import java.util.concurrent.Executor;

import dev.novaboot.compute.manager.LocalComputeHostDispatcher;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The suite wired together: the compute manager reaches other compute hosts, the network
 * service and the volume service over RPC. nova-compute alone needs none of them to run
 * servers without networks and volumes; a boot that needs a service that is not up is
 * refused at the API.
 */
@Configuration(proxyBeanMethods = false)
class ComputeRpcConfiguration {

	@Bean
	RpcComputeHostDispatcher computeHostDispatcher(ServiceIdentity identity, ObjectProvider<ComputeRpcApi> manager,
			@Qualifier("computeBuildExecutor") Executor computeBuildExecutor, Rpc rpc) {
		return new RpcComputeHostDispatcher(identity.host(),
				new LocalComputeHostDispatcher(identity.host(), manager, computeBuildExecutor), rpc);
	}

	@Bean
	RpcNetworkAllocator rpcNetworkAllocator(Rpc rpc, ServiceGroup serviceGroup) {
		return new RpcNetworkAllocator(rpc, serviceGroup);
	}

	@Bean
	RpcVolumeConnector rpcVolumeConnector(Rpc rpc, ServiceGroup serviceGroup) {
		return new RpcVolumeConnector(rpc, serviceGroup);
	}

}
