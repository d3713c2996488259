package dev.novaboot.network.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * An IPv4 or IPv6 address range of a network, with its gateway and DNS servers; an IPv6
 * subnet also has Neutron's address and router advertisement modes.
 */
@Entity
@Table(name = "subnets")
public class Subnet extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String uuid;

	@Column(name = "network_id", nullable = false, updatable = false)
	private Long networkId;

	@Column(name = "project_id", nullable = false)
	private String projectId;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String description;

	@Column(nullable = false, updatable = false)
	private String cidr;

	@Column(name = "gateway_ip")
	private String gatewayIp;

	@Column(name = "enable_dhcp", nullable = false)
	private boolean enableDhcp;

	@Column(name = "dns_nameservers", nullable = false)
	private String dnsNameservers;

	@Column(name = "ip_version", nullable = false, updatable = false)
	private int ipVersion = 4;

	@Column(name = "ipv6_address_mode", updatable = false)
	private String ipv6AddressMode;

	@Column(name = "ipv6_ra_mode", updatable = false)
	private String ipv6RaMode;

	protected Subnet() {
	}

	/** @param now the database's time of the operation that makes the row (created_at, updated_at) */
	public Subnet(Instant now, Long networkId, String projectId, String name, String cidr, String gatewayIp,
			boolean enableDhcp, List<String> dnsNameservers) {
		super(now);
		this.uuid = UUID.randomUUID().toString();
		this.networkId = networkId;
		this.projectId = projectId;
		this.name = name;
		this.description = "";
		this.cidr = cidr;
		this.gatewayIp = gatewayIp;
		this.enableDhcp = enableDhcp;
		setDnsNameservers(dnsNameservers);
	}

	/** Makes this an IPv6 subnet with these modes (each {@code null} when not set). */
	public void setIpv6(String addressMode, String raMode) {
		this.ipVersion = 6;
		this.ipv6AddressMode = addressMode;
		this.ipv6RaMode = raMode;
	}

	public int getIpVersion() {
		return this.ipVersion;
	}

	public String getIpv6AddressMode() {
		return this.ipv6AddressMode;
	}

	public String getIpv6RaMode() {
		return this.ipv6RaMode;
	}

	/**
	 * Whether ports get their address from their MAC address (SLAAC or DHCPv6-stateless),
	 * as neutron's {@code is_auto_address_subnet}.
	 */
	public boolean isAutoAddress() {
		return "slaac".equals(this.ipv6AddressMode) || "dhcpv6-stateless".equals(this.ipv6AddressMode)
				|| "slaac".equals(this.ipv6RaMode) || "dhcpv6-stateless".equals(this.ipv6RaMode);
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public Long getNetworkId() {
		return this.networkId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getCidr() {
		return this.cidr;
	}

	public String getGatewayIp() {
		return this.gatewayIp;
	}

	public boolean isEnableDhcp() {
		return this.enableDhcp;
	}

	public void setEnableDhcp(boolean enableDhcp) {
		this.enableDhcp = enableDhcp;
	}

	public List<String> getDnsNameservers() {
		return this.dnsNameservers.isEmpty() ? List.of() : Arrays.asList(this.dnsNameservers.split(","));
	}

	public void setDnsNameservers(List<String> dnsNameservers) {
		this.dnsNameservers = String.join(",", dnsNameservers);
	}

}
