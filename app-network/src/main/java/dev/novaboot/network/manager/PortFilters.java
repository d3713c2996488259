package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.network.driver.PortFilter;
import dev.novaboot.network.store.FixedIp;
import dev.novaboot.network.store.FixedIpRepository;
import dev.novaboot.network.store.Port;
import dev.novaboot.network.store.PortSecurityGroup;
import dev.novaboot.network.store.PortSecurityGroupRepository;
import dev.novaboot.network.store.SecurityGroupRule;
import dev.novaboot.network.store.SecurityGroupRuleRepository;

import org.springframework.stereotype.Component;

/**
 * What a port's security groups allow, read from the database for the driver: the IPv4
 * and IPv6 rules of its groups, a remote group turned into one rule per address of its members'
 * ports (as Neutron's iptables firewall without ipsets), and the port's own addresses.
 */
@Component
public class PortFilters {

	private final PortSecurityGroupRepository bindings;

	private final SecurityGroupRuleRepository rules;

	private final FixedIpRepository fixedIps;

	public PortFilters(PortSecurityGroupRepository bindings, SecurityGroupRuleRepository rules,
			FixedIpRepository fixedIps) {
		this.bindings = bindings;
		this.rules = rules;
		this.fixedIps = fixedIps;
	}

	/** Whether the host filters the port: an instance's port (Neutron trusts network:* owners). */
	public static boolean isFiltered(Port port) {
		return port.getDeviceOwner().startsWith("compute:");
	}

	public PortFilter of(Port port) {
		List<String> addresses = this.fixedIps.findByPortIdOrderById(port.getId()).stream().map(FixedIp::getAddress).toList();
		List<PortFilter.Rule> allowed = new ArrayList<>();
		Map<Long, List<String>> members = new HashMap<>();
		for (PortSecurityGroup binding : this.bindings.findByPortIdOrderById(port.getId())) {
			for (SecurityGroupRule rule : this.rules.findBySecurityGroupIdOrderById(binding.getSecurityGroupId())) {
				boolean ipv6 = rule.getEthertype().equals("IPv6");
				if (rule.getRemoteGroupId() == null) {
					allowed.add(rule(rule, rule.getRemoteIpPrefix()));
					continue;
				}
				// one query per remote group (the default group's IPv4 and IPv6 rules share one), not one per member
				for (String address : members.computeIfAbsent(rule.getRemoteGroupId(),
						this.fixedIps::findAddressesOfSecurityGroupMembers)) {
					// a rule of one ethertype matches the members' addresses of that version (stored addresses
					// are valid: an IPv6 one has a colon, an IPv4 one none; parsing each would cost more than the rest)
					if ((address.indexOf(':') >= 0) == ipv6) {
						allowed.add(rule(rule, address + (ipv6 ? "/128" : "/32")));
					}
				}
			}
		}
		return new PortFilter(port.getUuid(), port.getMacAddress(), addresses, allowed);
	}

	private static PortFilter.Rule rule(SecurityGroupRule rule, String remotePrefix) {
		return new PortFilter.Rule(rule.getDirection(), rule.getProtocol(), rule.getPortRangeMin(),
				rule.getPortRangeMax(), remotePrefix, rule.getEthertype());
	}

}
