package dev.novaboot.network.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RouterRepository extends JpaRepository<Router, Long>, JpaSpecificationExecutor<Router> {

	Optional<Router> findByUuid(String uuid);

	List<Router> findByHostOrderById(String host);

	/** Claims a router for a network host, unless one already carries it. */
	@Modifying
	@Query("UPDATE Router r SET r.host = :host WHERE r.id = :id AND r.host IS NULL")
	int claimHost(@Param("id") Long id, @Param("host") String host);

	/** What a project sees: its own routers. */
	static Specification<Router> visibleTo(String projectId) {
		return (root, query, cb) -> cb.equal(root.get("projectId"), projectId);
	}

	/** Routers whose stored attributes are the values asked for (the entity's names). */
	static Specification<Router> matching(Map<String, List<String>> filters) {
		return ListFilters.attributes(filters);
	}

	/** What lists sort by, by the entity's names. */
	static Map<String, ListFilters.SortValue<Router>> sortValues() {
		return Map.of("uuid", ListFilters.column("uuid"), "name", ListFilters.column("name"), "projectId",
				ListFilters.column("projectId"), "adminStateUp", ListFilters.column("adminStateUp"));
	}

}
