package dev.novaboot.network.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A static route of a router (Neutron's {@code routerroutes}, the {@code extraroute}
 * extension): traffic to {@code destination} goes through {@code nexthop}, an address on
 * one of the router's subnets.
 */
@Entity
@Table(name = "router_routes")
public class RouterRoute {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "router_id", nullable = false, updatable = false)
	private Long routerId;

	@Column(name = "destination", nullable = false, updatable = false)
	private String destination;

	@Column(name = "nexthop", nullable = false, updatable = false)
	private String nexthop;

	protected RouterRoute() {
	}

	public RouterRoute(Long routerId, String destination, String nexthop) {
		this.routerId = routerId;
		this.destination = destination;
		this.nexthop = nexthop;
	}

	public Long getRouterId() {
		return this.routerId;
	}

	public String getDestination() {
		return this.destination;
	}

	public String getNexthop() {
		return this.nexthop;
	}

}
