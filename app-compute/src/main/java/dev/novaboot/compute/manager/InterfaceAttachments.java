package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.InstanceRepository;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.ComputeRpcApi.InterfaceAttachment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The network interfaces this host adds to and takes from its instances after they were
 * built (Nova's {@code ComputeManager._attach_interface} and {@code _detach_interface}):
 * the port from the network service, hot-plugged by the driver, recorded in the
 * instance's network info; undone in reverse order. The caller holds the instance's lock.
 */
@Service
public class InterfaceAttachments {

	private static final Log logger = LogFactory.getLog(InterfaceAttachments.class);

	private final String host;

	private final ComputeDriver driver;

	private final NetworkAllocator network;

	private final InstanceRepository instances;

	private final InstanceStates states;

	private final JsonMapper json;

	public InterfaceAttachments(ServiceIdentity identity, ComputeDriver driver, NetworkAllocator network,
			InstanceRepository instances, InstanceStates states, JsonMapper json) {
		this.host = identity.host();
		this.driver = driver;
		this.network = network;
		this.instances = instances;
		this.states = states;
		this.json = json;
	}

	/**
	 * Allocates the port, plugs it and records it. A port the driver cannot plug is given
	 * back at once (Nova's {@code _deallocate_port_for_instance} after a failed
	 * {@code driver.attach_interface}) and the answer is Nova's {@code InterfaceAttachFailed}.
	 * @return the port attached, or a refusal named as Nova's exception
	 */
	public InterfaceAttachment attach(RequestContext context, Instance instance, String networkId, String portId,
			String requestedIp, String tag) {
		String uuid = instance.getUuid();
		NetworkInfo.Vif allocated;
		try {
			allocated = this.network.allocatePort(context, uuid, this.host, networkId, portId, requestedIp,
					instance.getSecurityGroups());
		}
		catch (NetworkRequestRefusedException ex) {
			return InterfaceAttachment.refused(ex.fault(), ex.getMessage());
		}
		NetworkInfo.Vif vif = new NetworkInfo.Vif(allocated.id(), allocated.address(), allocated.network(),
				allocated.preserveOnDelete(), tag);
		try {
			this.driver.attachInterface(uuid, NetworkInfo.guestVif(vif));
		}
		catch (RuntimeException ex) {
			logger.warn("attach interface failed, try to deallocate port " + vif.id() + ", reason: " + ex.getMessage());
			this.network.deallocatePort(context, uuid, this.host, vif.id(), vif.preserveOnDelete());
			return InterfaceAttachment.refused("InterfaceAttachFailed",
					"Failed to attach network adapter device to " + uuid);
		}
		this.states.networkAllocated(uuid, this.json.writeValueAsString(networkInfo(uuid).with(vif)));
		return InterfaceAttachment.attached(vif.id());
	}

	/**
	 * Unplugs the port's interface, gives the port back (deleted, or unbound when the user
	 * gave it) and forgets it. A driver that cannot unplug it leaves everything as it was
	 * (Nova's {@code InterfaceDetachFailed}).
	 * @throws PortNotAttachedException when the instance has no such interface
	 */
	public void detach(RequestContext context, String uuid, String portId) {
		NetworkInfo info = networkInfo(uuid);
		NetworkInfo.Vif vif = info.vif(portId).orElseThrow(() -> new PortNotAttachedException(portId));
		try {
			this.driver.detachInterface(uuid, NetworkInfo.guestVif(vif));
		}
		catch (RuntimeException ex) {
			logger.warn("Detach interface failed, port_id=" + portId + ", reason: " + ex.getMessage());
			throw new InterfaceDetachFailedException(uuid, ex);
		}
		this.network.deallocatePort(context, uuid, this.host, portId, vif.preserveOnDelete());
		this.states.networkAllocated(uuid, this.json.writeValueAsString(networkInfo(uuid).without(portId)));
	}

	/** The instance's interfaces as recorded (none for an instance recorded without any). */
	public NetworkInfo networkInfo(String uuid) {
		String recorded = this.instances.findLive(uuid).map(Instance::getNetworkInfo).orElse(null);
		return (recorded != null) ? this.json.readValue(recorded, NetworkInfo.class) : new NetworkInfo(List.of());
	}

	/** Nova's {@code PortNotFound} as its compute manager words it for a detach. */
	public static class PortNotAttachedException extends RuntimeException {

		public PortNotAttachedException(String portId) {
			super("Port " + portId + " is not attached");
		}

	}

	/** Nova's {@code InterfaceDetachFailed}: the driver could not unplug the interface. */
	public static class InterfaceDetachFailedException extends RuntimeException {

		public InterfaceDetachFailedException(String uuid, Throwable cause) {
			super("Failed to detach network adapter device from " + uuid, cause);
		}

	}

}
