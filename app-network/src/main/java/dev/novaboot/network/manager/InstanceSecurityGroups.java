package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.List;

import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortRepository;
import dev.novaboot.network.store.SecurityGroup;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.NetworkCheck;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A server's security groups as Nova's {@code addSecurityGroup} and
 * {@code removeSecurityGroup} actions change them: the group is added to, or taken off,
 * every port of the instance (Nova's {@code security_group_api.add_to_instance}). A
 * refusal carries the name and message of Nova's exception, which the compute API answers
 * with its own status.
 */
@Service
public class InstanceSecurityGroups {

	private final SecurityGroupService groups;

	private final PortRepository ports;

	private final TransactionTemplate transaction;

	InstanceSecurityGroups(SecurityGroupService groups, PortRepository ports, PlatformTransactionManager transactions) {
		this.groups = groups;
		this.ports = ports;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The outcome, and the ports whose filters must be applied again. */
	public record Change(NetworkCheck check, List<String> changedPorts) {

		static Change refused(String fault, String message) {
			return new Change(NetworkCheck.refused(fault, message), List.of());
		}

	}

	// the group is found (the default one made on first use, in a transaction of its own)
	// before the ports change in this one, so that no request holds two connections
	public Change add(RequestContext context, String instanceUuid, String projectId, String name) {
		SecurityGroup group;
		try {
			group = this.groups.resolve(context, projectId, name);
		}
		catch (NetworkException ex) {
			return refusal(ex, name, projectId);
		}
		return this.transaction.execute((status) -> addToPorts(instanceUuid, group));
	}

	private Change addToPorts(String instanceUuid, SecurityGroup group) {
		List<Port> ports = this.ports.findByDeviceIdOrderById(instanceUuid);
		if (ports.isEmpty()) {
			return noPorts(instanceUuid);
		}
		List<String> changed = new ArrayList<>();
		for (Port port : ports) {
			this.groups.addToPort(port.getId(), group);
			changed.add(port.getUuid());
		}
		return new Change(NetworkCheck.accepted(List.of(group.getName())), changed);
	}

	public Change remove(RequestContext context, String instanceUuid, String projectId, String name) {
		SecurityGroup group;
		try {
			group = this.groups.resolve(context, projectId, name);
		}
		catch (NetworkException ex) {
			return refusal(ex, name, projectId);
		}
		return this.transaction.execute((status) -> removeFromPorts(instanceUuid, group, name));
	}

	private Change removeFromPorts(String instanceUuid, SecurityGroup group, String name) {
		List<Port> ports = this.ports.findByDeviceIdOrderById(instanceUuid);
		if (ports.isEmpty()) {
			return noPorts(instanceUuid);
		}
		List<String> changed = new ArrayList<>();
		for (Port port : ports) {
			if (this.groups.removeFromPort(port.getId(), group)) {
				changed.add(port.getUuid());
			}
		}
		if (changed.isEmpty()) {
			return Change.refused("SecurityGroupNotFound",
					"Security group " + name + " not associated with the instance " + instanceUuid);
		}
		return new Change(NetworkCheck.accepted(List.of(group.getName())), changed);
	}

	// Nova's messages when the group cannot be found (404) or is ambiguous (409)
	private static Change refusal(NetworkException ex, String name, String projectId) {
		if ("NoUniqueMatch".equals(ex.type())) {
			return Change.refused("NoUniqueMatch", ex.getMessage());
		}
		if (ex.kind() == NetworkException.Kind.NOT_FOUND) {
			return Change.refused("SecurityGroupNotFound",
					"Security group " + name + " is not found for project " + projectId);
		}
		throw ex;
	}

	private static Change noPorts(String instanceUuid) {
		return Change.refused("SecurityGroupNotFound",
				"instance_id " + instanceUuid + " could not be found as device id on any ports");
	}

}
