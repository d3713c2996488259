package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/**
 * {@link InstanceListing} with the Criteria API. The marker is a keyset over the sort
 * keys and the id; a column that may be null is compared and ordered through a
 * {@code coalesce} to the empty string (or the epoch), so that H2 and PostgreSQL, which
 * place nulls differently, page the same way.
 */
class InstanceListingImpl implements InstanceListing {

	private static final Instant NO_TIME = Instant.EPOCH;

	private final EntityManager entityManager;

	InstanceListingImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public List<Instance> page(Criteria criteria, List<Sort> sort, Instance marker, int limit) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Instance> query = cb.createQuery(Instance.class);
		Root<Instance> instance = query.from(Instance.class);
		List<Predicate> where = filters(cb, query, instance, criteria);
		if (marker != null) {
			where.add(after(cb, instance, sort, marker));
		}
		List<Order> order = new ArrayList<>();
		for (Sort key : sort) {
			Expression<?> value = value(cb, instance, key.column());
			order.add(key.ascending() ? cb.asc(value) : cb.desc(value));
		}
		// the id last, in the first key's direction (Nova's default keys)
		boolean ascending = !sort.isEmpty() && sort.get(0).ascending();
		order.add(ascending ? cb.asc(instance.get("id")) : cb.desc(instance.get("id")));
		query.select(instance).where(where.toArray(Predicate[]::new)).orderBy(order);
		return this.entityManager.createQuery(query).setMaxResults(limit).getResultList();
	}

	private static List<Predicate> filters(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Instance> instance,
			Criteria criteria) {
		List<Predicate> where = new ArrayList<>();
		if (criteria.projectId() != null) {
			where.add(cb.equal(instance.get("projectId"), criteria.projectId()));
		}
		where.add(instance.get("vmState").in(criteria.vmStates()));
		if (criteria.taskStates() != null) {
			// an empty set admits nothing: "IN ()" is not SQL
			where.add(criteria.taskStates().isEmpty() ? cb.disjunction()
					: instance.get("taskState").in(criteria.taskStates()));
		}
		if (criteria.imageRef() != null) {
			where.add(cb.equal(instance.get("imageRef"), criteria.imageRef()));
		}
		if (criteria.flavorId() != null) {
			where.add(cb.equal(instance.get("flavorId"), criteria.flavorId()));
		}
		if (criteria.host() != null) {
			where.add(cb.equal(instance.get("host"), criteria.host()));
		}
		if (criteria.reservationId() != null) {
			where.add(cb.equal(instance.get("reservationId"), criteria.reservationId()));
		}
		if (criteria.changedSince() != null) {
			where.add(cb.greaterThanOrEqualTo(instance.get("updatedAt"), criteria.changedSince()));
		}
		if (!criteria.allTags().isEmpty()) {
			where.add(cb.equal(tagCount(cb, query, instance, criteria.allTags()), (long) criteria.allTags().size()));
		}
		if (!criteria.anyTags().isEmpty()) {
			where.add(cb.greaterThan(tagCount(cb, query, instance, criteria.anyTags()), 0L));
		}
		if (!criteria.notAllTags().isEmpty()) {
			where.add(cb.lessThan(tagCount(cb, query, instance, criteria.notAllTags()),
					(long) criteria.notAllTags().size()));
		}
		if (!criteria.noTags().isEmpty()) {
			where.add(cb.equal(tagCount(cb, query, instance, criteria.noTags()), 0L));
		}
		return where;
	}

	// how many of the tags the instance has
	private static Subquery<Long> tagCount(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Instance> instance,
			Set<String> tags) {
		Subquery<Long> count = query.subquery(Long.class);
		Root<InstanceTag> tag = count.from(InstanceTag.class);
		return count.select(cb.count(tag))
			.where(cb.equal(tag.get("key").get("instanceUuid"), instance.get("uuid")),
					tag.get("key").get("tag").in(tags));
	}

	// the rows after the marker in the sort's order: (k1 > m1) or (k1 = m1 and k2 > m2) ... then the id
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Predicate after(CriteriaBuilder cb, Root<Instance> instance, List<Sort> sort, Instance marker) {
		List<Predicate> alternatives = new ArrayList<>();
		List<Predicate> equalSoFar = new ArrayList<>();
		for (Sort key : sort) {
			Expression value = value(cb, instance, key.column());
			Comparable markerValue = InstanceListing.sortValue(marker, key.column());
			Predicate beyond = key.ascending() ? cb.greaterThan(value, markerValue) : cb.lessThan(value, markerValue);
			alternatives.add(and(cb, equalSoFar, beyond));
			equalSoFar.add(cb.equal(value, markerValue));
		}
		boolean ascending = !sort.isEmpty() && sort.get(0).ascending();
		Expression<Long> id = instance.get("id");
		alternatives.add(and(cb, equalSoFar,
				ascending ? cb.greaterThan(id, marker.getId()) : cb.lessThan(id, marker.getId())));
		return cb.or(alternatives.toArray(Predicate[]::new));
	}

	private static Predicate and(CriteriaBuilder cb, List<Predicate> equal, Predicate last) {
		List<Predicate> all = new ArrayList<>(equal);
		all.add(last);
		return cb.and(all.toArray(Predicate[]::new));
	}

	private static Expression<?> value(CriteriaBuilder cb, Root<Instance> instance, Column column) {
		if (!column.nullable()) {
			return instance.get(column.attribute());
		}
		if (column == Column.LAUNCHED_AT) {
			return cb.coalesce(instance.<Instant>get(column.attribute()), NO_TIME);
		}
		return cb.coalesce(instance.<String>get(column.attribute()), "");
	}

	@Override
	@SuppressWarnings("unchecked")
	public List<Instance> deletedSince(Criteria criteria) {
		if (criteria.changedSince() == null) {
			return List.of();
		}
		// native SQL: the entity's soft-delete restriction applies to every JPQL and Criteria query
		StringBuilder sql = new StringBuilder("select * from instances where deleted <> 0 and updated_at >= :since");
		if (criteria.projectId() != null) {
			sql.append(" and project_id = :project");
		}
		Query query = this.entityManager.createNativeQuery(sql.toString(), Instance.class)
			.setParameter("since", criteria.changedSince());
		if (criteria.projectId() != null) {
			query.setParameter("project", criteria.projectId());
		}
		return ((List<Instance>) query.getResultList()).stream().filter((instance) -> admits(criteria, instance)).toList();
	}

	// the filters of page() in memory; a deleted instance has no tags to match
	private static boolean admits(Criteria criteria, Instance instance) {
		boolean tagFilters = !criteria.allTags().isEmpty() || !criteria.anyTags().isEmpty();
		return criteria.vmStates().contains(instance.getVmState())
				&& (criteria.taskStates() == null || criteria.taskStates().contains(instance.getTaskState()))
				&& (criteria.imageRef() == null || criteria.imageRef().equals(instance.getImageRef()))
				&& (criteria.flavorId() == null || criteria.flavorId().equals(instance.getFlavorId()))
				&& (criteria.reservationId() == null || criteria.reservationId().equals(instance.getReservationId()))
				&& (criteria.host() == null || criteria.host().equals(instance.getHost()))
				&& !tagFilters;
	}

}
