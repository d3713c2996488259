package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.RequestedNetwork;

/**
 * What compute needs from nova-network: addresses for an instance at boot, released at
 * delete (over RPC, nova-network's {@code allocate_for_instance}).
 */
public interface NetworkAllocator {

	/**
	 * Whether a network service is up to ask: a boot that needs addresses is refused
	 * while there is none, instead of failing later on its host.
	 */
	boolean available();

	/**
	 * @throws NetworkAllocationException when a requested network or address cannot be had
	 */
	NetworkInfo allocate(RequestContext context, String instanceUuid, String host, List<RequestedNetwork> requested);

	/** Releases everything the instance holds; nothing held is fine. */
	void deallocate(RequestContext context, String instanceUuid, String host);

}
