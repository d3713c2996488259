package dev.novaboot.network.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The parts of a list query every resource shares: the keyset (rows after an id) and the
 * filters on stored attributes.
 */
public final class ListFilters {

	private ListFilters() {
	}

	/** Rows after the row {@code afterId}, in the id order that lists are read in. */
	public static <T> Specification<T> after(long afterId) {
		return (root, query, cb) -> cb.gt(root.get("id"), afterId);
	}

	/**
	 * Rows whose attributes are one of the values asked for, per attribute: the API's
	 * {@code ?name=a&name=b}. {@code "null"} also matches a missing value, as the API shows
	 * a missing value as null.
	 * @param filters the values asked for, by the entity's attribute name
	 */
	public static <T> Specification<T> attributes(Map<String, List<String>> filters) {
		return (root, query, cb) -> {
			List<Predicate> all = new ArrayList<>();
			filters.forEach((attribute, values) -> {
				Predicate any = root.get(attribute).in(values);
				all.add(values.contains("null") ? cb.or(any, cb.isNull(root.get(attribute))) : any);
			});
			return cb.and(all.toArray(Predicate[]::new));
		};
	}

}
