package dev.novaboot.volume.store;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.jpa.domain.Specification;

/**
 * The parts of a list of volumes or snapshots that the database does: the list's filters,
 * its order and where a page starts (keyset: the rows after the marker's row in that
 * order), so that no list is loaded whole and cut in memory. Deleted rows are left out by
 * the entities themselves ({@code SoftDeletedEntity}).
 */
public final class LiveRows {

	/** Cinder's default order of every list: newest first, ties broken by id, also descending. */
	public static final List<Order> NEWEST_FIRST = List.of(new Order("createdAt", false, null),
			new Order("id", false, null));

	private LiveRows() {
	}

	/**
	 * One key of a list's order.
	 *
	 * @param attribute the entity attribute
	 * @param ascending its direction
	 * @param whenNull what a {@code null} of a nullable attribute sorts as (the same on
	 * every database, unlike where each puts nulls), {@code null} for attributes that are
	 * never null
	 */
	public record Order(String attribute, boolean ascending, Comparable<?> whenNull) {
	}

	/** Rows whose {@code attribute} is {@code value}; all rows when {@code value} is {@code null}. */
	public static <T> Specification<T> matching(String attribute, Object value) {
		return (value != null) ? (row, query, where) -> where.equal(row.get(attribute), value)
				: Specification.unrestricted();
	}

	/** The rows in {@code orders}' order (the last key should be unique, such as the id). */
	public static <T> Specification<T> orderedBy(List<Order> orders) {
		return (row, query, where) -> {
			if (query != null) {
				query.orderBy(orders.stream()
					.map((order) -> order.ascending() ? where.asc(value(row, where, order))
							: where.desc(value(row, where, order)))
					.toList());
			}
			return where.conjunction();
		};
	}

	/**
	 * The rows after the marker's row in {@code orders}' order: {@code markerValues} are
	 * the marker row's values of the orders' attributes, in the same order.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <T> Specification<T> after(List<Order> orders, List<Comparable<?>> markerValues) {
		return (row, query, where) -> {
			List<Predicate> alternatives = new ArrayList<>();
			List<Predicate> equalSoFar = new ArrayList<>();
			for (int i = 0; i < orders.size(); i++) {
				Order order = orders.get(i);
				Expression<Comparable> value = value(row, where, order);
				Comparable marker = (markerValues.get(i) != null) ? markerValues.get(i) : order.whenNull();
				Predicate beyond = order.ascending() ? where.greaterThan(value, marker) : where.lessThan(value, marker);
				List<Predicate> alternative = new ArrayList<>(equalSoFar);
				alternative.add(beyond);
				alternatives.add(where.and(alternative.toArray(Predicate[]::new)));
				equalSoFar.add(where.equal(value, marker));
			}
			return where.or(alternatives.toArray(Predicate[]::new));
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Expression<Comparable> value(Root<?> row, CriteriaBuilder where, Order order) {
		Expression<Comparable> value = row.get(order.attribute());
		return (order.whenNull() != null) ? where.coalesce(value, (Comparable) order.whenNull()) : value;
	}

}
