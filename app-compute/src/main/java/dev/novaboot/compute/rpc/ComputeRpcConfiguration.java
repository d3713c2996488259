package dev.novaboot.compute.rpc;

import java.util.concurrent.Executor;

import dev.novaboot.compute.manager.LocalComputeHostDispatcher;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The suite wired together: the compute manager reaches other compute hosts, the network
 * service and the volume service over RPC. {@code nova.compute.standalone=true} keeps the
 * in-process stand-ins instead (one flat network, volume files in a directory), for
 * trying nova-compute on its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nova.compute.standalone", havingValue = "false", matchIfMissing = true)
class ComputeRpcConfiguration {

	@Bean
	RpcComputeHostDispatcher computeHostDispatcher(ServiceIdentity identity, ObjectProvider<ComputeRpcApi> manager,
			@Qualifier("computeBuildExecutor") Executor computeBuildExecutor, Rpc rpc) {
		return new RpcComputeHostDispatcher(identity.host(),
				new LocalComputeHostDispatcher(identity.host(), manager, computeBuildExecutor), rpc);
	}

	@Bean
	RpcNetworkAllocator rpcNetworkAllocator(Rpc rpc) {
		return new RpcNetworkAllocator(rpc);
	}

	@Bean
	RpcVolumeConnector rpcVolumeConnector(Rpc rpc) {
		return new RpcVolumeConnector(rpc);
	}

}
