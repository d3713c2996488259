package dev.novaboot.network;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.novaboot.network.driver.NetworkDriver;
import dev.novaboot.network.manager.NetworkManager;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * nova-network's settings.
 *
 * @param manager the network manager strategy: {@code flat}, {@code flat-dhcp} or
 * {@code vlan}
 * @param driver the network driver: {@code noop} or {@code linux}
 * @param flatBridge the existing bridge that flat networks use (Nova's
 * {@code flat_network_bridge})
 * @param physicalNetwork the name of the physical network that flat and VLAN networks are
 * on, shown as {@code provider:physical_network}
 * @param vlanInterface the interface that carries the VLANs of {@code vlan} networks
 * @param publicInterface the interface that floating IPs are added to
 * @param namespace a network namespace that the linux driver works in instead of the
 * host's own networking (tests; several network hosts on one machine); unset for the host's
 * @param stateDirectory where the linux driver keeps dnsmasq's files
 * @param dhcpLeaseTime the lease time handed out by DHCP
 * @param vlan how the vlan strategy creates a project's network on first use
 * @param release when addresses of vanished instances are released
 * @param quota the default quota of every project (Neutron's {@code [QUOTAS]} options)
 */
@ConfigurationProperties("nova.network")
public record NetworkProperties(@DefaultValue("flat") NetworkManager.Choice manager,
		@DefaultValue("noop") NetworkDriver.Choice driver,
		@DefaultValue("br100") String flatBridge, @DefaultValue("physnet1") String physicalNetwork,
		@DefaultValue("eth0") String vlanInterface, @DefaultValue("eth0") String publicInterface, String namespace,
		@DefaultValue("./var/network") Path stateDirectory, @DefaultValue("10m") Duration dhcpLeaseTime,
		@DefaultValue Vlan vlan, @DefaultValue Release release, @DefaultValue Quota quota) {

	/**
	 * Project networks of the vlan strategy (Nova's {@code vlan_start},
	 * {@code num_networks}, {@code fixed_range}, {@code network_size}).
	 *
	 * @param start the VLAN id of the first project network
	 * @param numNetworks how many project networks there may be: VLAN ids
	 * {@code start .. start + numNetworks - 1}
	 * @param fixedRange the range that project networks are cut from
	 * @param networkSize the number of addresses of each project network (a power of two)
	 * @param dnsNameservers the DNS servers of project networks
	 */
	public record Vlan(@DefaultValue("100") int start, @DefaultValue("100") int numNetworks,
			@DefaultValue("10.0.0.0/16") String fixedRange, @DefaultValue("256") int networkSize,
			@DefaultValue List<String> dnsNameservers) {
	}

	/**
	 * The periodic release of fixed IPs whose instance no longer exists (Nova's
	 * {@code fixed_ip_disassociate_timeout}).
	 *
	 * @param gracePeriod how long an address stays allocated before its instance is checked
	 * @param interval how often the check runs
	 */
	public record Release(@DefaultValue("10m") Duration gracePeriod, @DefaultValue("60s") Duration interval) {
	}

	/**
	 * The limits of a project that has none of its own, Neutron's defaults
	 * ({@code neutron/conf/quota.py}); a negative value means unlimited.
	 *
	 * @param network networks per project ({@code quota_network})
	 * @param subnet subnets per project ({@code quota_subnet})
	 * @param port ports per project ({@code quota_port})
	 * @param router routers per project ({@code quota_router})
	 * @param floatingip floating IPs per project ({@code quota_floatingip})
	 * @param securityGroup security groups per project ({@code quota_security_group})
	 * @param securityGroupRule security group rules per project
	 * ({@code quota_security_group_rule})
	 */
	public record Quota(@DefaultValue("100") int network, @DefaultValue("100") int subnet,
			@DefaultValue("500") int port, @DefaultValue("10") int router, @DefaultValue("50") int floatingip,
			@DefaultValue("10") int securityGroup, @DefaultValue("100") int securityGroupRule) {
	}

}
