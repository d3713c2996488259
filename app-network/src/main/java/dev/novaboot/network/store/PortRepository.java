package dev.novaboot.network.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface PortRepository extends JpaRepository<Port, Long>, JpaSpecificationExecutor<Port> {

	Optional<Port> findByUuid(String uuid);

	/**
	 * What lists sort by: the sortable attributes the store holds or computes, by the
	 * entity's names ({@code status} as the API computes it from the device).
	 */
	static Map<String, ListFilters.SortValue<Port>> sortValues() {
		return Map.of("uuid", ListFilters.column("uuid"), "name", ListFilters.column("name"), "networkUuid",
				ListFilters.networkUuid(), "adminStateUp", ListFilters.column("adminStateUp"), "macAddress",
				ListFilters.column("macAddress"), "deviceId", ListFilters.column("deviceId"), "deviceOwner",
				ListFilters.column("deviceOwner"), "projectId", ListFilters.column("projectId"), "status",
				(row, query, cb) -> cb.<String>selectCase()
					.when(cb.equal(row.get("deviceId"), ""), "DOWN")
					.otherwise("ACTIVE"));
	}

	/** What a project sees: its own ports. */
	static Specification<Port> visibleTo(String projectId) {
		return (root, query, cb) -> cb.equal(root.get("projectId"), projectId);
	}

	/**
	 * Ports whose attributes are the values asked for: stored ones (the entity's names) and
	 * those the API computes, {@code networkUuid}, {@code fixedIpAddress},
	 * {@code fixedIpSubnet} (a subnet uuid), {@code status} ({@code ACTIVE} when the port
	 * has a device) and {@code bindingHost} (empty for none).
	 */
	static Specification<Port> matching(Map<String, List<String>> filters) {
		Map<String, Function<List<String>, Specification<Port>>> computed = Map.of(
				"networkUuid", PortRepository::onNetworks,
				"fixedIpAddress", PortRepository::withFixedIp,
				"fixedIpSubnet", PortRepository::withFixedIpOn,
				"status", PortRepository::withStatus,
				"bindingHost", PortRepository::boundTo);
		return ListFilters.matching(filters, computed);
	}

	private static Specification<Port> onNetworks(List<String> networkUuids) {
		return (root, query, cb) -> {
			Subquery<Long> networks = query.subquery(Long.class);
			Root<Network> network = networks.from(Network.class);
			networks.select(network.get("id")).where(network.get("uuid").in(networkUuids));
			return root.get("networkId").in(networks);
		};
	}

	// as Neutron's Port.fixed_ips.any(ip_address in ...)
	private static Specification<Port> withFixedIp(List<String> addresses) {
		return (root, query, cb) -> {
			Subquery<Long> held = query.subquery(Long.class);
			Root<FixedIp> fixed = held.from(FixedIp.class);
			held.select(fixed.get("id"))
				.where(cb.equal(fixed.get("portId"), root.get("id")), fixed.get("address").in(addresses));
			return cb.exists(held);
		};
	}

	private static Specification<Port> withFixedIpOn(List<String> subnetUuids) {
		return (root, query, cb) -> {
			Subquery<Long> held = query.subquery(Long.class);
			Root<FixedIp> fixed = held.from(FixedIp.class);
			Root<Subnet> subnet = held.from(Subnet.class);
			held.select(fixed.get("id"))
				.where(cb.equal(fixed.get("portId"), root.get("id")), cb.equal(subnet.get("id"), fixed.get("subnetId")),
						subnet.get("uuid").in(subnetUuids));
			return cb.exists(held);
		};
	}

	private static Specification<Port> withStatus(List<String> statuses) {
		return (root, query, cb) -> {
			List<Predicate> any = new ArrayList<>();
			if (statuses.contains("ACTIVE")) {
				any.add(cb.notEqual(root.get("deviceId"), ""));
			}
			if (statuses.contains("DOWN")) {
				any.add(cb.equal(root.get("deviceId"), ""));
			}
			return cb.or(any.toArray(Predicate[]::new));
		};
	}

	private static Specification<Port> boundTo(List<String> hosts) {
		return (root, query, cb) -> {
			Predicate any = root.get("host").in(hosts);
			return hosts.contains("") ? cb.or(any, cb.isNull(root.get("host"))) : any;
		};
	}

	List<Port> findByDeviceIdOrderById(String deviceId);

	List<Port> findByNetworkIdOrderById(Long networkId);

	boolean existsByMacAddress(String macAddress);

	long countByNetworkId(Long networkId);

}
