package dev.novaboot.volume.store;

import java.time.Instant;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * The parts of a list of volumes or snapshots that the database does: the list's filters,
 * its order (newest first) and where a page starts (keyset: the rows after the marker's
 * row in that order), so that no list is loaded whole and cut in memory. Deleted rows are
 * left out by the entities themselves ({@code SoftDeletedEntity}).
 */
public final class LiveRows {

	/** The order of every list: newest first, ties broken by id. */
	public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

	private LiveRows() {
	}

	/** Rows whose {@code attribute} is {@code value}; all rows when {@code value} is {@code null}. */
	public static <T> Specification<T> matching(String attribute, Object value) {
		return (value != null) ? (row, query, where) -> where.equal(row.get(attribute), value)
				: Specification.unrestricted();
	}

	/** The rows after the row created at {@code createdAt} with {@code id} in {@link #NEWEST_FIRST}. */
	public static <T> Specification<T> after(Instant createdAt, String id) {
		return (row, query, where) -> where.or(where.lessThan(row.get("createdAt"), createdAt),
				where.and(where.equal(row.get("createdAt"), createdAt), where.greaterThan(row.get("id"), id)));
	}

}
