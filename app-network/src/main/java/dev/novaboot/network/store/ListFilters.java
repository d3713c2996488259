package dev.novaboot.network.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

/**
 * The parts of a list query every resource shares: the order and keyset (rows after a row) and the
 * filters, on stored attributes and on those the API computes from other rows.
 */
public final class ListFilters {

	private ListFilters() {
	}

	/** A sortable value of a row: a column, or an expression over it and other rows. */
	@FunctionalInterface
	public interface SortValue<T> {

		Expression<? extends Comparable<?>> of(Root<T> row, CommonAbstractCriteria query, CriteriaBuilder cb);

	}

	/** A stored attribute as a sort value; {@code null} sorts as the empty string, first. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <T> SortValue<T> column(String attribute) {
		return (row, query, cb) -> {
			Path path = row.get(attribute);
			return (path.getJavaType() == String.class) ? cb.coalesce(row.<String>get(attribute), "") : path;
		};
	}

	/**
	 * The uuid of the network a row's {@code networkId} names: what the API shows as
	 * {@code network_id}, and sorts by.
	 */
	public static <T> SortValue<T> networkUuid() {
		return (row, query, cb) -> {
			Subquery<String> uuid = query.subquery(String.class);
			Root<Network> network = uuid.from(Network.class);
			return uuid.select(network.get("uuid")).where(cb.equal(network.get("id"), row.get("networkId")));
		};
	}

	/**
	 * The rows in {@code order} (then by row id, in the same direction), starting after the
	 * row {@code afterId} (0: from the first): a keyset on every key, whose values for that
	 * row are read by subqueries, so that the next page is a query like the first.
	 * @param values the sort value of each key name of the order
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <T> Specification<T> ordered(Class<T> type, ListOrder order, long afterId,
			Map<String, SortValue<T>> values) {
		return (root, query, cb) -> {
			List<Order> orders = new ArrayList<>();
			List<Expression> keys = new ArrayList<>();
			List<Boolean> ascending = new ArrayList<>();
			for (ListOrder.Key key : order.keys()) {
				SortValue<T> value = values.get(key.name());
				if (value == null) {
					throw new IllegalArgumentException("No sort value " + key.name() + " for " + type.getSimpleName());
				}
				keys.add(value.of(root, query, cb));
				ascending.add(key.ascending() != order.reversed());
			}
			keys.add(root.get("id"));
			ascending.add(!order.reversed());
			for (int i = 0; i < keys.size(); i++) {
				orders.add(ascending.get(i) ? cb.asc(keys.get(i)) : cb.desc(keys.get(i)));
			}
			if (query != null && !Long.class.equals(query.getResultType())) {
				query.orderBy(orders);
			}
			if (afterId == 0) {
				return null;
			}
			// (k1 > m1) or (k1 = m1 and k2 > m2) or ... with m the values of the row afterId
			List<Predicate> any = new ArrayList<>();
			List<Predicate> equalSoFar = new ArrayList<>();
			for (int i = 0; i < keys.size(); i++) {
				Expression mark;
				if (i == keys.size() - 1) {
					mark = cb.literal(afterId);
				}
				else {
					Subquery<Comparable> marker = query.subquery(Comparable.class);
					Root<T> markerRow = marker.from(type);
					marker.select((Expression) values.get(order.keys().get(i).name()).of(markerRow, marker, cb))
						.where(cb.equal(markerRow.get("id"), afterId));
					mark = marker;
				}
				Predicate beyond = ascending.get(i) ? cb.greaterThan(keys.get(i), mark) : cb.lessThan(keys.get(i), mark);
				List<Predicate> step = new ArrayList<>(equalSoFar);
				step.add(beyond);
				any.add(cb.and(step.toArray(Predicate[]::new)));
				equalSoFar.add(cb.equal(keys.get(i), mark));
			}
			return cb.or(any.toArray(Predicate[]::new));
		};
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
			if (path.getJavaType() == int.class || path.getJavaType() == Integer.class) {
				// "6": what the view's 6 matches; anything that is no number matches nothing
				List<Integer> numbers = values.stream().filter((value) -> value.matches("-?[0-9]{1,9}")).map(Integer::valueOf)
					.toList();
				return numbers.isEmpty() ? cb.disjunction() : path.in(numbers);
			}
			Predicate any = path.in(values);
			return values.contains("null") ? cb.or(any, cb.isNull(path)) : any;
		};
	}

}
