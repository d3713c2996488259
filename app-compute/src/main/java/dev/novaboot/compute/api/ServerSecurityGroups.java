package dev.novaboot.compute.api;

import java.util.function.Supplier;

import dev.novaboot.compute.manager.InstanceDetails;
import dev.novaboot.compute.manager.NetworkAllocationException;
import dev.novaboot.compute.manager.NetworkAllocator;
import dev.novaboot.compute.manager.NetworkRequestRefusedException;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.stereotype.Component;

/**
 * Nova's {@code addSecurityGroup} and {@code removeSecurityGroup} server actions: the
 * network service changes the groups of every port of the server and enforces them; the
 * server's record of its groups follows. A group the caller's project has not is 404, an
 * ambiguous name 409, as in Nova; neither looks at the server's state.
 */
@Component
class ServerSecurityGroups {

	private final ServerOperations servers;

	private final NetworkAllocator network;

	private final InstanceDetails details;

	ServerSecurityGroups(ServerOperations servers, NetworkAllocator network, InstanceDetails details) {
		this.servers = servers;
		this.network = network;
		this.details = details;
	}

	void add(RequestContext context, String uuid, String group) {
		Instance instance = this.servers.find(context, uuid);
		String name = change(() -> this.network.addSecurityGroup(context, instance.getUuid(), group));
		this.details.securityGroupAdded(instance.getUuid(), name);
	}

	void remove(RequestContext context, String uuid, String group) {
		Instance instance = this.servers.find(context, uuid);
		String name = change(() -> this.network.removeSecurityGroup(context, instance.getUuid(), group));
		this.details.securityGroupRemoved(instance.getUuid(), name);
	}

	private String change(Supplier<String> change) {
		if (!this.network.available()) {
			throw new ConflictException("The network service is not available: no nova-network service is up.");
		}
		try {
			return change.get();
		}
		catch (NetworkRequestRefusedException ex) {
			if (ex.isConflict()) {
				throw new ConflictException(ex.getMessage());
			}
			throw new NotFoundException(ex.getMessage());
		}
		catch (NetworkAllocationException ex) {
			throw new ConflictException(ex.getMessage());
		}
	}

}
