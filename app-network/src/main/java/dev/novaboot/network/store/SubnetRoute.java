package dev.novaboot.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A host route of a subnet: traffic to {@code destination} goes through {@code nexthop}.
 */
@Entity
@Table(name = "subnet_routes")
public class SubnetRoute {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "subnet_id", nullable = false, updatable = false)
	private Long subnetId;

	@Column(name = "destination", nullable = false, updatable = false)
	private String destination;

	@Column(name = "nexthop", nullable = false, updatable = false)
	private String nexthop;

	protected SubnetRoute() {
	}

	public SubnetRoute(Long subnetId, String destination, String nexthop) {
		this.subnetId = subnetId;
		this.destination = destination;
		this.nexthop = nexthop;
	}

	public Long getSubnetId() {
		return this.subnetId;
	}

	public String getDestination() {
		return this.destination;
	}

	public String getNexthop() {
		return this.nexthop;
	}

}
