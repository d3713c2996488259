package dev.novaboot.volume.manager;

import java.util.List;

/**
 * One page of a list, and whether rows follow it.
 *
 * @param <T> what the list holds
 * @param items the page, in the list's order
 * @param hasNext whether rows follow the page's last item
 */
public record ListPage<T>(List<T> items, boolean hasNext) {

	/**
	 * Which page of a list the caller asked for.
	 *
	 * @param limit how many items at most, or {@code null} for all
	 * @param marker the id of the item the page follows (the last of the previous
	 * page), or {@code null} for the first page
	 * @param sort the order asked for, by Cinder's sort keys (column names such as
	 * {@code created_at}); empty for the default, newest first
	 */
	public record Request(Integer limit, String marker, List<SortKey> sort) {

		/** The whole list from its first item. */
		public static final Request ALL = new Request(null, null, List.of());

	}

	/**
	 * One sort key as Cinder reads {@code sort=key:dir} (or {@code sort_key}/{@code sort_dir}).
	 *
	 * @param key the column name, such as {@code size} or {@code display_name}
	 * @param ascending {@code asc} rather than {@code desc}
	 */
	public record SortKey(String key, boolean ascending) {
	}

}
