package dev.novaboot.network.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface SecurityGroupRuleRepository
		extends JpaRepository<SecurityGroupRule, Long>, JpaSpecificationExecutor<SecurityGroupRule> {

	Optional<SecurityGroupRule> findByUuid(String uuid);

	List<SecurityGroupRule> findBySecurityGroupIdOrderById(Long securityGroupId);

	List<SecurityGroupRule> findByRemoteGroupId(Long remoteGroupId);

	/** What a project sees: its own rules and the rules of its groups, as Neutron's sg_owner. */
	static Specification<SecurityGroupRule> visibleTo(String projectId) {
		return (root, query, cb) -> {
			Subquery<Long> own = query.subquery(Long.class);
			Root<SecurityGroup> group = own.from(SecurityGroup.class);
			own.select(group.get("id")).where(cb.equal(group.get("projectId"), projectId));
			return cb.or(cb.equal(root.get("projectId"), projectId), root.get("securityGroupId").in(own));
		};
	}

	/**
	 * Rules whose attributes are the values asked for: stored ones (the entity's names) and
	 * {@code securityGroupUuid}, {@code remoteGroupUuid} ({@code "null"}: none).
	 */
	static Specification<SecurityGroupRule> matching(Map<String, List<String>> filters) {
		return ListFilters.matching(filters, Map.of("securityGroupUuid", (uuids) -> (root, query, cb) -> {
			Subquery<Long> groups = query.subquery(Long.class);
			Root<SecurityGroup> group = groups.from(SecurityGroup.class);
			groups.select(group.get("id")).where(group.get("uuid").in(uuids));
			return root.get("securityGroupId").in(groups);
		}, "remoteGroupUuid", (uuids) -> (root, query, cb) -> {
			Subquery<Long> groups = query.subquery(Long.class);
			Root<SecurityGroup> group = groups.from(SecurityGroup.class);
			groups.select(group.get("id")).where(group.get("uuid").in(uuids));
			return uuids.contains("null") ? cb.or(root.get("remoteGroupId").in(groups), cb.isNull(root.get("remoteGroupId")))
					: root.get("remoteGroupId").in(groups);
		}));
	}

	/** What lists sort by, by the entity's names; group ids as the API shows them (uuids). */
	static Map<String, ListFilters.SortValue<SecurityGroupRule>> sortValues() {
		return Map.ofEntries(Map.entry("uuid", ListFilters.column("uuid")),
				Map.entry("securityGroupUuid", groupUuid("securityGroupId")),
				Map.entry("remoteGroupUuid", groupUuid("remoteGroupId")),
				Map.entry("direction", ListFilters.column("direction")),
				Map.entry("protocol", ListFilters.column("protocol")),
				Map.entry("portRangeMin", ListFilters.column("portRangeMin")),
				Map.entry("portRangeMax", ListFilters.column("portRangeMax")),
				Map.entry("ethertype", ListFilters.column("ethertype")),
				Map.entry("remoteIpPrefix", ListFilters.column("remoteIpPrefix")),
				Map.entry("projectId", ListFilters.column("projectId")));
	}

	private static ListFilters.SortValue<SecurityGroupRule> groupUuid(String attribute) {
		return (row, query, cb) -> {
			Subquery<String> uuid = query.subquery(String.class);
			Root<SecurityGroup> group = uuid.from(SecurityGroup.class);
			return cb.coalesce(uuid.select(group.get("uuid")).where(cb.equal(group.get("id"), row.get(attribute))), "");
		};
	}

}
