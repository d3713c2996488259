package dev.novaboot.network.rpc;

import dev.novaboot.network.manager.InstanceDirectory;
import dev.novaboot.network.manager.NetworkOperations;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.api.ComputeRpcApi;

import org.springframework.stereotype.Component;

/**
 * Asks the compute service whether an instance still exists: any up compute service
 * answers for every instance. When none answers, the caller keeps the addresses.
 */
@Component
class RpcInstanceDirectory implements InstanceDirectory {

	private final Rpc rpc;

	RpcInstanceDirectory(Rpc rpc) {
		this.rpc = rpc;
	}

	@Override
	public boolean exists(String instanceUuid) {
		return this.rpc.call(ComputeRpcApi.class)
			.instanceExists(NetworkOperations.systemContext(), new ComputeRpcApi.InstanceRef(instanceUuid));
	}

}
