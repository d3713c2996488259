package dev.novaboot.network.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * A rule of a security group: traffic in one direction, of an ethertype, optionally of a
 * protocol and port range, from or to a prefix or the members of a group, is allowed.
 * Rules are created and deleted, never changed, as in Neutron.
 */
@Entity
@Table(name = "security_group_rules")
public class SecurityGroupRule extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String uuid;

	@Column(name = "security_group_id", nullable = false, updatable = false)
	private Long securityGroupId;

	@Column(name = "project_id", nullable = false, updatable = false)
	private String projectId;

	@Column(nullable = false, updatable = false)
	private String direction;

	@Column(nullable = false, updatable = false)
	private String ethertype;

	@Column(updatable = false)
	private String protocol;

	@Column(name = "port_range_min", updatable = false)
	private Integer portRangeMin;

	@Column(name = "port_range_max", updatable = false)
	private Integer portRangeMax;

	@Column(name = "remote_ip_prefix", updatable = false)
	private String remoteIpPrefix;

	@Column(name = "remote_group_id", updatable = false)
	private Long remoteGroupId;

	@Column(nullable = false, updatable = false)
	private String description;

	protected SecurityGroupRule() {
	}

	/** @param now the database's time of the operation that makes the row (created_at, updated_at) */
	public SecurityGroupRule(Instant now, Long securityGroupId, String projectId, String direction, String ethertype,
			String protocol, Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix, Long remoteGroupId,
			String description) {
		super(now);
		this.uuid = UUID.randomUUID().toString();
		this.securityGroupId = securityGroupId;
		this.projectId = projectId;
		this.direction = direction;
		this.ethertype = ethertype;
		this.protocol = protocol;
		this.portRangeMin = portRangeMin;
		this.portRangeMax = portRangeMax;
		this.remoteIpPrefix = remoteIpPrefix;
		this.remoteGroupId = remoteGroupId;
		this.description = description;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public Long getSecurityGroupId() {
		return this.securityGroupId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getDirection() {
		return this.direction;
	}

	public String getEthertype() {
		return this.ethertype;
	}

	public String getProtocol() {
		return this.protocol;
	}

	public Integer getPortRangeMin() {
		return this.portRangeMin;
	}

	public Integer getPortRangeMax() {
		return this.portRangeMax;
	}

	public String getRemoteIpPrefix() {
		return this.remoteIpPrefix;
	}

	public Long getRemoteGroupId() {
		return this.remoteGroupId;
	}

	public String getDescription() {
		return this.description;
	}

}
