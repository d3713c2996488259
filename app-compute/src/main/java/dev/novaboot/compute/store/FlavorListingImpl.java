package dev.novaboot.compute.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/**
 * {@link FlavorListing} with the Criteria API: the sort key is chosen by the caller, so
 * the query is built rather than written.
 */
class FlavorListingImpl implements FlavorListing {

	private final EntityManager entityManager;

	FlavorListingImpl(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public List<FlavorRecord> page(String visibleTo, Boolean publicOnly, boolean enabledOnly, Integer minRam,
			Integer minDisk, String sortKey, boolean ascending, FlavorRecord marker, int limit) {
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<FlavorRecord> query = cb.createQuery(FlavorRecord.class);
		Root<FlavorRecord> flavor = query.from(FlavorRecord.class);
		List<Predicate> where = new ArrayList<>();
		if (Boolean.TRUE.equals(publicOnly)) {
			Predicate open = cb.isTrue(flavor.get("isPublic"));
			where.add((visibleTo != null) ? cb.or(open, cb.isMember(visibleTo, flavor.<Set<String>>get("projects")))
					: open);
		}
		else if (Boolean.FALSE.equals(publicOnly)) {
			where.add(cb.isFalse(flavor.get("isPublic")));
		}
		if (enabledOnly) {
			where.add(cb.isFalse(flavor.get("disabled")));
		}
		if (minRam != null) {
			where.add(cb.ge(flavor.get("memoryMb"), minRam));
		}
		if (minDisk != null) {
			where.add(cb.ge(flavor.get("rootGb"), minDisk));
		}
		Path<Comparable> key = flavor.get(sortKey);
		Path<Long> id = flavor.get("id");
		if (marker != null) {
			Comparable after = (Comparable) attribute(marker, sortKey);
			Predicate beyond = ascending ? cb.greaterThan((Expression) key, after) : cb.lessThan((Expression) key, after);
			Predicate tie = cb.and(cb.equal(key, after),
					ascending ? cb.greaterThan(id, marker.getId()) : cb.lessThan(id, marker.getId()));
			where.add(cb.or(beyond, tie));
		}
		query.select(flavor)
			.where(where.toArray(Predicate[]::new))
			.orderBy(ascending ? cb.asc(key) : cb.desc(key), ascending ? cb.asc(id) : cb.desc(id));
		return this.entityManager.createQuery(query).setMaxResults(limit).getResultList();
	}

	private static Object attribute(FlavorRecord flavor, String name) {
		return switch (name) {
			case "id" -> flavor.getId();
			case "flavorid" -> flavor.getFlavorid();
			case "name" -> flavor.getName();
			case "memoryMb" -> flavor.getMemoryMb();
			case "vcpus" -> flavor.getVcpus();
			case "rootGb" -> flavor.getRootGb();
			case "ephemeralGb" -> flavor.getEphemeralGb();
			case "swap" -> flavor.getSwap();
			case "rxtxFactor" -> flavor.getRxtxFactor();
			case "isPublic" -> flavor.isPublic();
			case "disabled" -> flavor.isDisabled();
			case "createdAt" -> flavor.getCreatedAt();
			case "updatedAt" -> flavor.getUpdatedAt();
			default -> throw new IllegalArgumentException("no sortable flavor attribute " + name);
		};
	}

}
