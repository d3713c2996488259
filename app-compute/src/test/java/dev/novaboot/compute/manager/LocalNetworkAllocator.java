package dev.novaboot.compute.manager;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.api.RequestedNetwork;

/**
 * The compute tests' stand-in for nova-network: one flat IPv4 network
 * ({@code nova.compute.local.cidr}), addresses from .2 upward (.1 is the gateway), one
 * interface per instance with a MAC in OpenStack's {@code fa:16:3e} range, and security
 * groups by name ({@code default} and those a test creates), in this process's memory.
 */
public class LocalNetworkAllocator implements NetworkAllocator {

	private final LocalServicesProperties properties;

	private final String networkId;

	private final int base;

	private final int size;

	private final Map<Integer, String> used = new HashMap<>();

	private final Set<String> securityGroups = new HashSet<>(Set.of("default"));

	private final Map<String, Set<String>> instanceGroups = new HashMap<>();

	// every port: its interface and the instance it is bound to ("" when unbound)
	private final Map<String, NetworkInfo.Vif> ports = new java.util.LinkedHashMap<>();

	private final Map<String, String> boundTo = new HashMap<>();

	// the host each instance's ports are bound to (binding:host_id)
	private final Map<String, String> bindingHost = new HashMap<>();

	// the boot interface of each instance, with the floating IP a test gave it
	private final Map<String, NetworkInfo> allocated = new HashMap<>();

	public LocalNetworkAllocator(LocalServicesProperties properties) {
		this.properties = properties;
		this.networkId = UUID.nameUUIDFromBytes(("network:" + properties.networkName()).getBytes(StandardCharsets.UTF_8))
			.toString();
		String[] parts = properties.cidr().split("/");
		int prefix = Integer.parseInt(parts[1]);
		if (prefix < 8 || prefix > 30) {
			throw new IllegalStateException("nova.compute.local.cidr needs a prefix between /8 and /30: " + properties.cidr());
		}
		this.size = 1 << (32 - prefix);
		this.base = toInt(parts[0]) & (-1 << (32 - prefix));
	}

	@Override
	public boolean available() {
		return true;
	}

	/** The id of the one network, as a {@code networks[].uuid} of a boot request names it. */
	public String networkId() {
		return this.networkId;
	}

	/** Makes a security group that boots and the security group actions may name. */
	public synchronized void createSecurityGroup(String name) {
		this.securityGroups.add(name);
	}

	@Override
	public synchronized List<String> validate(RequestContext context, List<RequestedNetwork> requested,
			List<String> securityGroups) {
		for (RequestedNetwork network : requested) {
			if (network.noAllocate() || network.autoAllocate()) {
				continue;
			}
			if (!this.networkId.equals(network.networkId())) {
				throw new NetworkRequestRefusedException("NetworkNotFound",
						"Network " + network.networkId() + " could not be found.");
			}
			if (network.fixedIp() != null && this.used.containsKey(offsetOf(network.fixedIp()))) {
				throw new NetworkRequestRefusedException("FixedIpAlreadyInUse", "Fixed IP address " + network.fixedIp()
						+ " is already in use on instance " + this.used.get(offsetOf(network.fixedIp())) + ".");
			}
		}
		for (String group : (securityGroups != null) ? securityGroups : List.<String>of()) {
			if (!this.securityGroups.contains(group)) {
				throw new NetworkRequestRefusedException("SecurityGroupNotFound", "Security group " + group + " not found.");
			}
		}
		return (securityGroups != null) ? securityGroups : List.of();
	}

	@Override
	public synchronized String addSecurityGroup(RequestContext context, String instanceUuid, String group) {
		checkGroupOfInstance(instanceUuid, group);
		this.instanceGroups.computeIfAbsent(instanceUuid, (uuid) -> new HashSet<>()).add(group);
		return group;
	}

	@Override
	public synchronized String removeSecurityGroup(RequestContext context, String instanceUuid, String group) {
		checkGroupOfInstance(instanceUuid, group);
		if (!this.instanceGroups.getOrDefault(instanceUuid, Set.of()).remove(group)) {
			throw new NetworkRequestRefusedException("SecurityGroupNotFound",
					"Security group " + group + " not associated with the instance " + instanceUuid);
		}
		return group;
	}

	private void checkGroupOfInstance(String instanceUuid, String group) {
		if (!this.securityGroups.contains(group)) {
			throw new NetworkRequestRefusedException("SecurityGroupNotFound",
					"Security group " + group + " is not found for project");
		}
		if (!this.used.containsValue(instanceUuid)) {
			throw new NetworkRequestRefusedException("SecurityGroupNotFound",
					"instance_id " + instanceUuid + " could not be found as device id on any ports");
		}
	}

	@Override
	public synchronized NetworkInfo allocate(RequestContext context, String instanceUuid, String host,
			List<RequestedNetwork> requested, List<String> securityGroups) {
		if (RequestedNetwork.isNone(requested)) {
			return new NetworkInfo(List.of());
		}
		String fixed = null;
		for (RequestedNetwork network : requested) {
			// "auto": the one network there is
			boolean auto = requested.size() == 1 && RequestedNetwork.auto().equals(network);
			if (!auto && network.networkId() != null && !network.networkId().equals(this.networkId)) {
				throw new NetworkAllocationException("Network " + network.networkId() + " could not be found.");
			}
			fixed = (network.fixedIp() != null) ? network.fixedIp() : fixed;
		}
		int offset = (fixed != null) ? claimFixed(fixed, instanceUuid) : claimNext(instanceUuid);
		this.instanceGroups.put(instanceUuid,
				new HashSet<>((securityGroups != null) ? securityGroups : List.of("default")));
		String address = toString(this.base + offset);
		NetworkInfo.Subnet subnet = new NetworkInfo.Subnet(this.properties.cidr(), toString(this.base + 1),
				this.properties.dns(), List.of(new NetworkInfo.FixedIp(address, "fixed", 4)));
		NetworkInfo.Network network = new NetworkInfo.Network(this.networkId, this.properties.networkName(),
				this.properties.bridge(), List.of(subnet));
		NetworkInfo.Vif vif = new NetworkInfo.Vif(UUID.randomUUID().toString(), mac(), network);
		this.ports.put(vif.id(), vif);
		this.boundTo.put(vif.id(), instanceUuid);
		this.bindingHost.put(instanceUuid, host);
		NetworkInfo info = new NetworkInfo(List.of(vif));
		this.allocated.put(instanceUuid, info);
		return info;
	}

	/** The instance's ports now: the boot one as a floating IP left it, then those attached since. */
	@Override
	public synchronized NetworkInfo info(RequestContext context, String instanceUuid) {
		NetworkInfo boot = this.allocated.getOrDefault(instanceUuid, new NetworkInfo(List.of()));
		return new NetworkInfo(this.ports.values()
			.stream()
			.filter((vif) -> instanceUuid.equals(this.boundTo.get(vif.id())))
			.map((vif) -> boot.vif(vif.id()).orElse(vif))
			.toList());
	}

	/**
	 * What a floating IP association does on the network service's side: the instance's
	 * one address gets the floating IP ({@code null}: none any more).
	 */
	public synchronized void setFloatingIp(String instanceUuid, String floatingAddress) {
		NetworkInfo.Vif vif = this.allocated.get(instanceUuid).vifs().get(0);
		NetworkInfo.Subnet subnet = vif.network().subnets().get(0);
		List<NetworkInfo.FixedIp> ips = new java.util.ArrayList<>(List.of(subnet.ips().get(0)));
		if (floatingAddress != null) {
			ips.add(new NetworkInfo.FixedIp(floatingAddress, "floating", 4));
		}
		NetworkInfo.Network network = new NetworkInfo.Network(vif.network().id(), vif.network().label(),
				vif.network().bridge(), List.of(new NetworkInfo.Subnet(subnet.cidr(), subnet.gateway(), subnet.dns(), ips)));
		this.allocated.put(instanceUuid, new NetworkInfo(List.of(new NetworkInfo.Vif(vif.id(), vif.address(), network))));
	}

	@Override
	public synchronized void bindToHost(RequestContext context, String instanceUuid, String host) {
		this.bindingHost.put(instanceUuid, host);
	}

	/** The host the instance's ports are bound to, or null: what tests check. */
	public synchronized String bindingHost(String instanceUuid) {
		return this.bindingHost.get(instanceUuid);
	}

	@Override
	public synchronized void deallocate(RequestContext context, String instanceUuid, String host,
			List<String> preservedPortIds) {
		for (String port : List.copyOf(this.ports.keySet())) {
			if (instanceUuid.equals(this.boundTo.get(port))) {
				if (preservedPortIds.contains(port)) {
					this.boundTo.put(port, "");
				}
				else {
					release(port);
				}
			}
		}
		this.used.values().removeIf(instanceUuid::equals);
		this.instanceGroups.remove(instanceUuid);
		this.allocated.remove(instanceUuid);
		this.bindingHost.remove(instanceUuid);
	}

	/** A user's port on the network, bound to nothing (what {@code POST /v2.0/ports} makes). */
	public synchronized String createPort() {
		int offset = claimNext("port");
		NetworkInfo.Vif vif = vif(UUID.randomUUID().toString(), toString(this.base + offset));
		this.used.put(offset, vif.id());
		this.ports.put(vif.id(), vif);
		this.boundTo.put(vif.id(), "");
		return vif.id();
	}

	/** The instance a port is bound to: "" when unbound, null when the port is gone. */
	public synchronized String deviceOf(String portId) {
		return this.boundTo.get(portId);
	}

	@Override
	public synchronized NetworkInfo.Vif allocatePort(RequestContext context, String instanceUuid, String host,
			String networkId, String portId, String fixedIp, List<String> securityGroups) {
		if (portId != null) {
			if (!this.ports.containsKey(portId)) {
				throw new NetworkRequestRefusedException("PortNotFound", "Port id " + portId + " could not be found.");
			}
			if (!this.boundTo.get(portId).isEmpty()) {
				throw new NetworkRequestRefusedException("PortInUse", "Port " + portId + " is still in use.");
			}
			this.boundTo.put(portId, instanceUuid);
			NetworkInfo.Vif vif = this.ports.get(portId);
			return new NetworkInfo.Vif(vif.id(), vif.address(), vif.network(), true, null);
		}
		if (networkId != null && !networkId.equals(this.networkId)) {
			throw new NetworkRequestRefusedException("NetworkNotFound", "Network " + networkId + " could not be found.");
		}
		int offset;
		if (fixedIp != null) {
			if (this.used.containsKey(offsetOf(fixedIp))) {
				throw new NetworkRequestRefusedException("FixedIpAlreadyInUse", "Fixed IP " + fixedIp + " is already in use.");
			}
			offset = claimFixed(fixedIp, instanceUuid);
		}
		else {
			offset = claimNext(instanceUuid);
		}
		NetworkInfo.Vif vif = vif(UUID.randomUUID().toString(), toString(this.base + offset));
		this.ports.put(vif.id(), vif);
		this.boundTo.put(vif.id(), instanceUuid);
		return vif;
	}

	@Override
	public synchronized void deallocatePort(RequestContext context, String instanceUuid, String host, String portId,
			boolean preserve) {
		if (!instanceUuid.equals(this.boundTo.get(portId))) {
			return;
		}
		if (preserve) {
			this.boundTo.put(portId, "");
		}
		else {
			release(portId);
		}
	}

	@Override
	public synchronized List<AttachedPort> ports(RequestContext context, String instanceUuid) {
		return this.ports.values()
			.stream()
			.filter((vif) -> instanceUuid.equals(this.boundTo.get(vif.id())))
			.map((vif) -> new AttachedPort(vif.id(), vif.network().id(), vif.address(), "ACTIVE",
					vif.network().subnets().get(0).ips().stream()
						.map((ip) -> new AttachedPort.FixedIp(subnetId(), ip.address()))
						.toList()))
			.toList();
	}

	/** The id of the network's one subnet. */
	public String subnetId() {
		return UUID.nameUUIDFromBytes(("subnet:" + this.properties.cidr()).getBytes(StandardCharsets.UTF_8)).toString();
	}

	// the port's address goes back to the pool with it
	private void release(String portId) {
		NetworkInfo.Vif vif = this.ports.remove(portId);
		this.boundTo.remove(portId);
		String address = vif.network().subnets().get(0).ips().get(0).address();
		this.used.remove(offsetOf(address));
	}

	private NetworkInfo.Vif vif(String portId, String address) {
		NetworkInfo.Subnet subnet = new NetworkInfo.Subnet(this.properties.cidr(), toString(this.base + 1),
				this.properties.dns(), List.of(new NetworkInfo.FixedIp(address, "fixed", 4)));
		NetworkInfo.Network network = new NetworkInfo.Network(this.networkId, this.properties.networkName(),
				this.properties.bridge(), List.of(subnet));
		return new NetworkInfo.Vif(portId, mac(), network);
	}

	private int claimFixed(String address, String instanceUuid) {
		int offset;
		try {
			offset = toInt(address) - this.base;
		}
		catch (RuntimeException ex) {
			throw new NetworkAllocationException("Invalid fixed IP address " + address);
		}
		if (offset < 2 || offset >= this.size - 1) {
			throw new NetworkAllocationException("Fixed IP " + address + " is not in " + this.properties.cidr());
		}
		if (this.used.containsKey(offset)) {
			throw new NetworkAllocationException("Fixed IP address " + address + " is already in use.");
		}
		this.used.put(offset, instanceUuid);
		return offset;
	}

	private int offsetOf(String address) {
		try {
			return toInt(address) - this.base;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private int claimNext(String instanceUuid) {
		for (int offset = 2; offset < this.size - 1; offset++) {
			if (!this.used.containsKey(offset)) {
				this.used.put(offset, instanceUuid);
				return offset;
			}
		}
		throw new NetworkAllocationException("No fixed IP addresses available for network: " + this.networkId);
	}

	private static String mac() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return String.format("fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
	}

	private static int toInt(String address) {
		String[] octets = address.split("\\.");
		if (octets.length != 4) {
			throw new IllegalArgumentException("Not an IPv4 address: " + address);
		}
		int value = 0;
		for (String octet : octets) {
			int part = Integer.parseInt(octet);
			if (part < 0 || part > 255) {
				throw new IllegalArgumentException("Not an IPv4 address: " + address);
			}
			value = (value << 8) | part;
		}
		return value;
	}

	private static String toString(int address) {
		return ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
				+ (address & 255);
	}

}
