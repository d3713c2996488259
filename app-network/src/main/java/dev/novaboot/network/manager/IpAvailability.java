package dev.novaboot.network.manager;

import java.math.BigInteger;
import java.util.List;

import dev.novaboot.network.store.AllocationPool;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.Network;
import dev.novaboot.network.store.Subnet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many addresses of a network are in use against how many its subnets' allocation
 * pools hold, as Neutron's {@code network-ip-availabilities} extension counts them: a
 * subnet's total is the size of its allocation pools, its used addresses are those
 * allocated to ports (counted in the database, one query per subnet).
 */
@Service
public class IpAvailability {

	private final SubnetService subnets;

	private final FixedIpRepository fixedIps;

	public IpAvailability(SubnetService subnets, FixedIpRepository fixedIps) {
		this.subnets = subnets;
		this.fixedIps = fixedIps;
	}

	@Transactional(readOnly = true)
	public NetworkUsage of(Network network) {
		List<SubnetUsage> usages = this.subnets.ofNetwork(network).stream().map(this::of).toList();
		BigInteger total = usages.stream().map(SubnetUsage::totalIps).reduce(BigInteger.ZERO, BigInteger::add);
		long used = usages.stream().mapToLong(SubnetUsage::usedIps).sum();
		return new NetworkUsage(network, total, used, usages);
	}

	private SubnetUsage of(Subnet subnet) {
		BigInteger total = BigInteger.ZERO;
		for (AllocationPool pool : this.subnets.poolsOf(subnet)) {
			total = total.add(size(subnet.getIpVersion(), pool));
		}
		return new SubnetUsage(subnet, total, this.fixedIps.countAllocatedBySubnet(subnet.getId()));
	}

	private static BigInteger size(int ipVersion, AllocationPool pool) {
		if (ipVersion == 6) {
			return Ipv6.parse(pool.getLastIp()).subtract(Ipv6.parse(pool.getFirstIp())).add(BigInteger.ONE);
		}
		return BigInteger.valueOf(Ipv4.parse(pool.getLastIp()) - Ipv4.parse(pool.getFirstIp()) + 1);
	}

	/** A network's usage: the sums of its subnets'. */
	public record NetworkUsage(Network network, BigInteger totalIps, long usedIps, List<SubnetUsage> subnets) {
	}

	/** A subnet's usage: the size of its allocation pools and its allocated addresses. */
	public record SubnetUsage(Subnet subnet, BigInteger totalIps, long usedIps) {
	}

}
