package dev.novaboot.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A security group a port is in.
 */
@Entity
@Table(name = "port_security_groups")
public class PortSecurityGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "port_id", nullable = false, updatable = false)
	private Long portId;

	@Column(name = "security_group_id", nullable = false, updatable = false)
	private Long securityGroupId;

	protected PortSecurityGroup() {
	}

	public PortSecurityGroup(Long portId, Long securityGroupId) {
		this.portId = portId;
		this.securityGroupId = securityGroupId;
	}

	public Long getPortId() {
		return this.portId;
	}

	public Long getSecurityGroupId() {
		return this.securityGroupId;
	}

}
