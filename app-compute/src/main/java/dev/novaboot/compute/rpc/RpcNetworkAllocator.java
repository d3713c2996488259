package dev.novaboot.compute.rpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.novaboot.compute.manager.AttachedPort;
import dev.novaboot.compute.manager.NetworkAllocationException;
import dev.novaboot.compute.manager.NetworkAllocator;
import dev.novaboot.compute.manager.NetworkInfo;
import dev.novaboot.compute.manager.NetworkRequestRefusedException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.rpc.RemoteRpcException;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.RpcApi;
import dev.novaboot.service.rpc.RpcException;
import dev.novaboot.service.rpc.api.InstanceNetworkInfo;
import dev.novaboot.service.rpc.api.NetworkCheck;
import dev.novaboot.service.rpc.api.NetworkRpcApi;
import dev.novaboot.service.rpc.api.PortAllocation;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.AllocatePortForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocatePortForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.DeallocateForInstance;
import dev.novaboot.service.rpc.api.NetworkRpcApi.InstanceSecurityGroup;
import dev.novaboot.service.rpc.api.NetworkRpcApi.ValidateNetworks;
import dev.novaboot.service.rpc.api.RequestedNetwork;
import dev.novaboot.service.rpc.api.VirtualInterface;

/**
 * Addresses from the network service: {@code allocate_for_instance} and
 * {@code deallocate_for_instance} called on any up network service (they share the
 * database that holds the addresses), its answer turned into the compute side's network
 * info.
 */
public class RpcNetworkAllocator implements NetworkAllocator {

	private final Rpc rpc;

	private final ServiceGroup serviceGroup;

	public RpcNetworkAllocator(Rpc rpc, ServiceGroup serviceGroup) {
		this.rpc = rpc;
		this.serviceGroup = serviceGroup;
	}

	@Override
	public boolean available() {
		return !this.serviceGroup.upServices(NetworkRpcApi.class.getAnnotation(RpcApi.class).topic()).isEmpty();
	}

	@Override
	public List<String> validate(RequestContext context, List<RequestedNetwork> requested,
			List<String> securityGroups) {
		return accepted(call(() -> this.rpc.call(NetworkRpcApi.class)
			.validateNetworks(context, new ValidateNetworks(context.projectId(), requested, securityGroups))))
			.securityGroups();
	}

	@Override
	public String addSecurityGroup(RequestContext context, String instanceUuid, String group) {
		return accepted(call(() -> this.rpc.call(NetworkRpcApi.class)
			.addSecurityGroup(context, new InstanceSecurityGroup(instanceUuid, context.projectId(), group))))
			.securityGroups()
			.get(0);
	}

	@Override
	public String removeSecurityGroup(RequestContext context, String instanceUuid, String group) {
		return accepted(call(() -> this.rpc.call(NetworkRpcApi.class)
			.removeSecurityGroup(context, new InstanceSecurityGroup(instanceUuid, context.projectId(), group))))
			.securityGroups()
			.get(0);
	}

	private static NetworkCheck accepted(NetworkCheck check) {
		if (!check.isAccepted()) {
			throw new NetworkRequestRefusedException(check.fault(), check.message());
		}
		return check;
	}

	private static <T> T call(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RemoteRpcException ex) {
			throw new NetworkAllocationException(ex.getRemoteMessage());
		}
		catch (RpcException ex) {
			throw new NetworkAllocationException("The network service cannot be reached: " + ex.getMessage());
		}
	}

	@Override
	public NetworkInfo allocate(RequestContext context, String instanceUuid, String host,
			List<RequestedNetwork> requested, List<String> securityGroups) {
		if (RequestedNetwork.isNone(requested)) {
			return new NetworkInfo(List.of());
		}
		// "auto" travels as Nova's network id "auto", which nova-network resolves
		InstanceNetworkInfo info = call(() -> this.rpc.call(NetworkRpcApi.class)
			.allocateForInstance(context,
					new AllocateForInstance(instanceUuid, context.projectId(), host, requested, securityGroups)));
		return networkInfo(info.interfaces());
	}

	@Override
	public NetworkInfo info(RequestContext context, String instanceUuid) {
		InstanceNetworkInfo info = call(() -> this.rpc.call(NetworkRpcApi.class)
			.getInstanceNetworkInfo(context, new NetworkRpcApi.InstanceRef(instanceUuid)));
		return networkInfo(info.interfaces());
	}

	@Override
	public void deallocate(RequestContext context, String instanceUuid, String host, List<String> preservedPortIds) {
		call(() -> {
			this.rpc.call(NetworkRpcApi.class)
				.deallocateForInstance(context, new DeallocateForInstance(instanceUuid, host, preservedPortIds));
			return null;
		});
	}

	@Override
	public NetworkInfo.Vif allocatePort(RequestContext context, String instanceUuid, String host, String networkId,
			String portId, String fixedIp, List<String> securityGroups) {
		PortAllocation allocation = call(() -> this.rpc.call(NetworkRpcApi.class)
			.allocatePortForInstance(context, new AllocatePortForInstance(instanceUuid, context.projectId(), host,
					networkId, portId, fixedIp, securityGroups)));
		if (!allocation.isAccepted()) {
			throw new NetworkRequestRefusedException(allocation.fault(), allocation.message());
		}
		NetworkInfo.Vif vif = networkInfo(allocation.interfaces()).vifs().get(0);
		return new NetworkInfo.Vif(vif.id(), vif.address(), vif.network(), allocation.preexisting(), null);
	}

	@Override
	public void deallocatePort(RequestContext context, String instanceUuid, String host, String portId,
			boolean preserve) {
		call(() -> {
			this.rpc.call(NetworkRpcApi.class)
				.deallocatePortForInstance(context, new DeallocatePortForInstance(instanceUuid, portId, preserve, host));
			return null;
		});
	}

	@Override
	public void bindToHost(RequestContext context, String instanceUuid, String host) {
		call(() -> {
			this.rpc.call(NetworkRpcApi.class)
				.setupInstanceNetworkOnHost(context, new NetworkRpcApi.InstanceHost(instanceUuid, host));
			return null;
		});
	}

	@Override
	public List<AttachedPort> ports(RequestContext context, String instanceUuid) {
		InstanceNetworkInfo info = call(() -> this.rpc.call(NetworkRpcApi.class)
			.getInstanceNetworkInfo(context, new NetworkRpcApi.InstanceRef(instanceUuid)));
		Map<String, List<VirtualInterface>> byPort = new LinkedHashMap<>();
		info.interfaces().forEach((vif) -> byPort.computeIfAbsent(vif.portId(), (port) -> new ArrayList<>()).add(vif));
		// a port listed by its device is bound to the instance: Neutron's ACTIVE
		return byPort.values()
			.stream()
			.map((addresses) -> new AttachedPort(addresses.get(0).portId(), addresses.get(0).networkId(),
					addresses.get(0).macAddress(), "ACTIVE",
					addresses.stream().map((vif) -> new AttachedPort.FixedIp(vif.subnetId(), vif.address())).toList()))
			.toList();
	}

	/**
	 * The network service answers an entry per address; a port with several (an IPv4 and an
	 * IPv6 subnet on one network) is one NIC with a subnet per address.
	 */
	static NetworkInfo networkInfo(List<VirtualInterface> interfaces) {
		Map<String, List<VirtualInterface>> byPort = new LinkedHashMap<>();
		interfaces.forEach((vif) -> byPort.computeIfAbsent(vif.portId(), (port) -> new ArrayList<>()).add(vif));
		return new NetworkInfo(byPort.values().stream().map(RpcNetworkAllocator::vif).toList());
	}

	// each fixed IP followed by its floating IPs, the order of Nova's addresses view
	private static List<NetworkInfo.FixedIp> ips(VirtualInterface vif) {
		List<NetworkInfo.FixedIp> ips = new ArrayList<>();
		ips.add(new NetworkInfo.FixedIp(vif.address(), "fixed", vif.address().contains(":") ? 6 : 4));
		vif.floatingAddresses().forEach((floating) -> ips.add(new NetworkInfo.FixedIp(floating, "floating", 4)));
		return ips;
	}

	private static NetworkInfo.Vif vif(List<VirtualInterface> addresses) {
		VirtualInterface first = addresses.get(0);
		List<NetworkInfo.Subnet> subnets = addresses.stream()
			.map((vif) -> new NetworkInfo.Subnet(vif.cidr(), vif.gateway(), vif.dns(), ips(vif)))
			.toList();
		NetworkInfo.Network network = new NetworkInfo.Network(first.networkId(), first.networkName(), first.bridge(),
				subnets);
		return new NetworkInfo.Vif(first.portId(), first.macAddress(), network);
	}

}
