package dev.novaboot.network.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;

/**
 * The parts of a list query every resource shares: the keyset (rows after an id) and the
 * filters, on stored attributes and on those the API computes from other rows.
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
	 * a missing value as null; a boolean attribute matches {@code true} or {@code false} in
	 * any case, as the API's JSON shows it.
	 * @param filters the values asked for, by the entity's attribute name
	 */
	public static <T> Specification<T> attributes(Map<String, List<String>> filters) {
		return matching(filters, Map.of());
	}

	/**
	 * {@link #attributes} where some filter names are not attributes but computed from
	 * other rows (a port's network uuid, its fixed IPs), each turned into its own condition.
	 * @param computed the condition for each computed filter name, given the values asked for
	 */
	public static <T> Specification<T> matching(Map<String, List<String>> filters,
			Map<String, Function<List<String>, Specification<T>>> computed) {
		Specification<T> all = Specification.unrestricted();
		for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
			Function<List<String>, Specification<T>> condition = computed.get(filter.getKey());
			all = all.and((condition != null) ? condition.apply(filter.getValue())
					: attribute(filter.getKey(), filter.getValue()));
		}
		return all;
	}

	private static <T> Specification<T> attribute(String attribute, List<String> values) {
		return (root, query, cb) -> {
			Path<Object> path = root.get(attribute);
			if (path.getJavaType() == boolean.class || path.getJavaType() == Boolean.class) {
				// "True", "false": what the view's true and false match; anything else matches nothing
				List<Predicate> any = new ArrayList<>();
				for (String value : values) {
					String word = value.toLowerCase(Locale.ROOT);
					if (word.equals("true") || word.equals("false")) {
						any.add(cb.equal(path, Boolean.parseBoolean(word)));
					}
				}
				return cb.or(any.toArray(Predicate[]::new));
			}
			Predicate any = path.in(values);
			return values.contains("null") ? cb.or(any, cb.isNull(path)) : any;
		};
	}

}
