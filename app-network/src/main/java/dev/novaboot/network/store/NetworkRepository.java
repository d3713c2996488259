package dev.novaboot.network.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NetworkRepository extends JpaRepository<Network, Long>, JpaSpecificationExecutor<Network> {

	Optional<Network> findByUuid(String uuid);

	/** What lists sort by: the sortable attributes the store holds, by the entity's names. */
	static Map<String, ListFilters.SortValue<Network>> sortValues() {
		return Map.of("uuid", ListFilters.column("uuid"), "name", ListFilters.column("name"), "adminStateUp",
				ListFilters.column("adminStateUp"), "projectId", ListFilters.column("projectId"));
	}

	/** What a project sees: its own networks, shared and external ones. */
	static Specification<Network> visibleTo(String projectId) {
		return (root, query, cb) -> cb.or(cb.equal(root.get("projectId"), projectId), cb.isTrue(root.get("shared")),
				cb.isTrue(root.get("external")));
	}

	/**
	 * Networks whose attributes are the values asked for: stored ones (the entity's names)
	 * and {@code subnetUuid}, a network with any of the subnets.
	 */
	static Specification<Network> matching(Map<String, List<String>> filters) {
		return ListFilters.matching(filters, Map.of("subnetUuid", (subnetUuids) -> (root, query, cb) -> {
			Subquery<Long> subnets = query.subquery(Long.class);
			Root<Subnet> subnet = subnets.from(Subnet.class);
			subnets.select(subnet.get("id"))
				.where(cb.equal(subnet.get("networkId"), root.get("id")), subnet.get("uuid").in(subnetUuids));
			return cb.exists(subnets);
		}));
	}

	/**
	 * The network with its subnets in one statement: one row per subnet, ordered by the
	 * subnet's id (each {@code [Network, Subnet]}), or one row {@code [Network, null]} for a
	 * network without subnets; none when there is no such network.
	 */
	@Query("select n, s from Network n left join Subnet s on s.networkId = n.id where n.uuid = :uuid order by s.id")
	List<Object[]> findWithSubnetsByUuid(@Param("uuid") String uuid);

	/** The network and its subnets (by id), read in one statement. */
	default Optional<WithSubnets> withSubnets(String uuid) {
		List<Object[]> rows = findWithSubnetsByUuid(uuid);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new WithSubnets((Network) rows.get(0)[0],
				rows.stream().filter((row) -> row[1] != null).map((row) -> (Subnet) row[1]).toList()));
	}

	/** A network and its subnets, in the order of their ids. */
	record WithSubnets(Network network, List<Subnet> subnets) {
	}

	/** The networks an instance of the project may be put on: its own and shared ones, never external ones. */
	@Query("select n from Network n where n.external = false and (n.shared = true or n.projectId = :projectId) "
			+ "order by n.id")
	List<Network> findUsableBy(@Param("projectId") String projectId);

	List<Network> findByExternalTrueOrderById();

	Optional<Network> findByDefaultForProject(String projectId);

	@Query("select n.segmentationId from Network n where n.networkType = 'vlan' and n.segmentationId is not null")
	List<Integer> findVlanIds();

	@Query("select n from Network n where n.host = :host order by n.id")
	List<Network> findByHost(@Param("host") String host);

	/** Takes the network for {@code host} unless another host already carries it. */
	@Modifying
	@Query("update Network n set n.host = :host where n.id = :id and n.host is null")
	int claimHost(@Param("id") long id, @Param("host") String host);

}
