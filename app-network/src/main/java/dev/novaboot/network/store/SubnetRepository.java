package dev.novaboot.network.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SubnetRepository extends JpaRepository<Subnet, Long>, JpaSpecificationExecutor<Subnet> {

	Optional<Subnet> findByUuid(String uuid);

	List<Subnet> findByNetworkIdOrderById(Long networkId);

	/** What lists sort by: the sortable attributes the store holds or computes, by the entity's names. */
	static Map<String, ListFilters.SortValue<Subnet>> sortValues() {
		return Map.of("uuid", ListFilters.column("uuid"), "name", ListFilters.column("name"), "networkUuid",
				ListFilters.networkUuid(), "cidr", ListFilters.column("cidr"), "gatewayIp",
				ListFilters.column("gatewayIp"), "projectId", ListFilters.column("projectId"), "enableDhcp",
				ListFilters.column("enableDhcp"), "ipVersion", ListFilters.column("ipVersion"), "ipv6AddressMode",
				ListFilters.column("ipv6AddressMode"), "ipv6RaMode", ListFilters.column("ipv6RaMode"));
	}

	/**
	 * What a project sees: its own subnets and those of shared networks. An external
	 * network is visible to everyone, but its subnets only when it is also shared, as
	 * Neutron's {@code get_subnet} policy ({@code admin_or_owner or shared}) has it.
	 */
	static Specification<Subnet> visibleTo(String projectId) {
		return (root, query, cb) -> {
			Subquery<Long> shared = query.subquery(Long.class);
			Root<Network> network = shared.from(Network.class);
			shared.select(network.get("id"))
				.where(cb.equal(network.get("id"), root.get("networkId")), cb.isTrue(network.get("shared")));
			return cb.or(cb.equal(root.get("projectId"), projectId), cb.exists(shared));
		};
	}

	/**
	 * Subnets whose attributes are the values asked for: stored ones (the entity's names)
	 * and {@code networkUuid}.
	 */
	static Specification<Subnet> matching(Map<String, List<String>> filters) {
		return ListFilters.matching(filters, Map.of("networkUuid", (networkUuids) -> (root, query, cb) -> {
			Subquery<Long> networks = query.subquery(Long.class);
			Root<Network> network = networks.from(Network.class);
			networks.select(network.get("id")).where(network.get("uuid").in(networkUuids));
			return root.get("networkId").in(networks);
		}));
	}

	/** The subnets a new subnet of the network, for the project, must not overlap. */
	@Query("select s from Subnet s where s.networkId = :networkId or s.projectId = :projectId order by s.id")
	List<Subnet> findByNetworkIdOrProjectId(@Param("networkId") Long networkId, @Param("projectId") String projectId);

}
