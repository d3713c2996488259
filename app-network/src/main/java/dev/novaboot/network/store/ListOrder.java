package dev.novaboot.network.store;

import java.util.List;

/**
 * The order a list is read in: Neutron's {@code sort_key}/{@code sort_dir} pairs, by the
 * store's names, then the row id (so that equal keys keep a stable order and a page can
 * start after any row). {@code reversed} reads the same order backwards, for
 * {@code page_reverse}.
 */
public record ListOrder(List<Key> keys, boolean reversed) {

	/** Row id order: what a list without {@code sort_key} is read in. */
	public static final ListOrder BY_ID = new ListOrder(List.of(), false);

	public ListOrder {
		keys = List.copyOf(keys);
	}

	/** One key: a stored attribute (the entity's name) or a computed one the repository knows. */
	public record Key(String name, boolean ascending) {
	}

}
