package dev.novaboot.network.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface FloatingIpRepository extends JpaRepository<FloatingIp, Long>, JpaSpecificationExecutor<FloatingIp> {

	Optional<FloatingIp> findByUuid(String uuid);

	Optional<FloatingIp> findByAddress(String address);

	/**
	 * What lists sort by: the sortable attributes the store holds or computes, by the
	 * entity's names ({@code status} as the API computes it from the association).
	 */
	static Map<String, ListFilters.SortValue<FloatingIp>> sortValues() {
		return Map.of("uuid", ListFilters.column("uuid"), "address", ListFilters.column("address"), "networkUuid",
				ListFilters.networkUuid(), "fixedAddress", ListFilters.column("fixedAddress"), "projectId",
				ListFilters.column("projectId"), "status", (row, query, cb) -> cb.<String>selectCase()
					.when(cb.isNull(row.get("fixedAddress")), "DOWN")
					.otherwise("ACTIVE"));
	}

	/** What a project sees: its own floating IPs. */
	static Specification<FloatingIp> visibleTo(String projectId) {
		return (root, query, cb) -> cb.equal(root.get("projectId"), projectId);
	}

	/**
	 * Floating IPs whose attributes are the values asked for: stored ones (the entity's
	 * names), {@code networkUuid}, {@code portUuid} ({@code "null"}: unassociated) and
	 * {@code status} ({@code ACTIVE} when associated).
	 */
	static Specification<FloatingIp> matching(Map<String, List<String>> filters) {
		return ListFilters.matching(filters, Map.of(
				"networkUuid", (networkUuids) -> (root, query, cb) -> {
					Subquery<Long> networks = query.subquery(Long.class);
					Root<Network> network = networks.from(Network.class);
					networks.select(network.get("id")).where(network.get("uuid").in(networkUuids));
					return root.get("networkId").in(networks);
				},
				"portUuid", (portUuids) -> (root, query, cb) -> {
					Subquery<Long> ports = query.subquery(Long.class);
					Root<Port> port = ports.from(Port.class);
					ports.select(port.get("id")).where(port.get("uuid").in(portUuids));
					Predicate any = root.get("portId").in(ports);
					return portUuids.contains("null") ? cb.or(any, cb.isNull(root.get("portId"))) : any;
				},
				"status", (statuses) -> (root, query, cb) -> {
					List<Predicate> any = new ArrayList<>();
					if (statuses.contains("ACTIVE")) {
						any.add(cb.isNotNull(root.get("fixedAddress")));
					}
					if (statuses.contains("DOWN")) {
						any.add(cb.isNull(root.get("fixedAddress")));
					}
					return cb.or(any.toArray(Predicate[]::new));
				}));
	}

	List<FloatingIp> findByPortId(Long portId);

	List<FloatingIp> findByHostOrderById(String host);

	long countByNetworkId(Long networkId);

	List<FloatingIp> findByRouterIdOrderById(Long routerId);

	boolean existsByRouterId(Long routerId);

}
