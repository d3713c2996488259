package dev.novaboot.network.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SecurityGroupRepository extends JpaRepository<SecurityGroup, Long>, JpaSpecificationExecutor<SecurityGroup> {

	Optional<SecurityGroup> findByUuid(String uuid);

	Optional<SecurityGroup> findByDefaultForProject(String projectId);

	List<SecurityGroup> findByProjectIdAndNameOrderById(String projectId, String name);

	/** What a project sees: its own groups. */
	static Specification<SecurityGroup> visibleTo(String projectId) {
		return (root, query, cb) -> cb.equal(root.get("projectId"), projectId);
	}

	/** Groups whose stored attributes are the values asked for (the entity's names). */
	static Specification<SecurityGroup> matching(Map<String, List<String>> filters) {
		return ListFilters.attributes(filters);
	}

	/** What lists sort by, by the entity's names. */
	static Map<String, ListFilters.SortValue<SecurityGroup>> sortValues() {
		return Map.of("uuid", ListFilters.column("uuid"), "name", ListFilters.column("name"), "projectId",
				ListFilters.column("projectId"));
	}

}
