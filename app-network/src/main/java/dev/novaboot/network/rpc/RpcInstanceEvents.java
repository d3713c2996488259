package dev.novaboot.network.rpc;

import dev.novaboot.network.manager.InstanceEvents;
import dev.novaboot.network.manager.NetworkOperations;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.RpcException;
import dev.novaboot.service.rpc.api.ComputeRpcApi;
import dev.novaboot.service.rpc.api.ComputeRpcApi.ExternalInstanceEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * Casts Nova's {@code external_instance_event} to the instance's compute host. A host
 * that is down misses the event, as Nova's compute misses Neutron's when it is down; the
 * change it tells of is already in the network service's database, which the API that
 * changed it has answered from.
 */
@Component
class RpcInstanceEvents implements InstanceEvents {

	private static final Log logger = LogFactory.getLog(RpcInstanceEvents.class);

	private final Rpc rpc;

	RpcInstanceEvents(Rpc rpc) {
		this.rpc = rpc;
	}

	@Override
	public void networkChanged(String host, String instanceUuid, String portUuid) {
		try {
			this.rpc.cast(ComputeRpcApi.class, host)
				.externalInstanceEvent(NetworkOperations.systemContext(),
						ExternalInstanceEvent.networkChanged(instanceUuid, portUuid));
		}
		catch (RpcException ex) {
			logger.warn("Could not tell compute host " + host + " that the network of instance " + instanceUuid
					+ " changed: " + ex.getMessage());
		}
	}

}
