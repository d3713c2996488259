package dev.novaboot.network.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;

import dev.novaboot.network.manager.NetworkException;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paging over more rows than one read from the database: filters, limit and marker give
 * what filtering the whole list would.
 */
class ListingTests {

	record Row(long id, String uuid, String name) {
	}

	// 250 rows, more than two chunks; every third is named "x"
	private final List<Row> rows = LongStream.rangeClosed(1, 250)
		.mapToObj((id) -> new Row(id, new UUID(0, id).toString(), (id % 3 == 0) ? "x" : "y"))
		.toList();

	private List<Map<String, Object>> page(String... parameters) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			query.add(parameters[i], parameters[i + 1]);
		}
		return Listing.page(query,
				(after, size) -> this.rows.stream().filter((row) -> row.id() > after).limit(size).toList(), Row::id,
				(uuid) -> this.rows.stream().filter((row) -> row.uuid().equals(uuid)).findFirst(),
				(row) -> Map.of("id", row.uuid(), "name", row.name()));
	}

	private static List<Object> ids(List<Map<String, Object>> page) {
		return page.stream().map((view) -> view.get("id")).toList();
	}

	private List<Object> expected(long fromId, int count) {
		return this.rows.stream()
			.filter((row) -> row.id() >= fromId && row.name().equals("x"))
			.limit(count)
			.map(Row::uuid)
			.map(Object.class::cast)
			.toList();
	}

	@Test
	void everyMatchingRowWithoutALimit() {
		assertThat(ids(page("name", "x"))).isEqualTo(expected(1, Integer.MAX_VALUE)).hasSize(83);
		assertThat(page()).hasSize(250);
	}

	@Test
	void aPageAfterTheMarkerAcrossChunks() {
		String marker = new UUID(0, 99).toString();
		assertThat(ids(page("name", "x", "limit", "60", "marker", marker))).isEqualTo(expected(100, 60));
		assertThat(ids(page("limit", "150", "marker", marker))).hasSize(150).first().isEqualTo(new UUID(0, 100).toString());
	}

	@Test
	void aMarkerThatTheFiltersExcludeIsNotInTheList() {
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> page("name", "x", "marker", new UUID(0, 100).toString()))
			.withMessage("Bad marker request: marker " + new UUID(0, 100) + " is not in the list.");
	}

	@Test
	void aPageWhoseFiltersAreAllTheDatabasesIsOneReadOfTheLimit() {
		List<Integer> reads = new ArrayList<>();
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("name", "x");
		query.add("limit", "3");
		Listing.Filters filters = Listing.filters(query, Map.of("name", "name"));
		assertThat(filters.database()).isEqualTo(Map.of("name", List.of("x")));
		List<Row> named = this.rows.stream().filter((row) -> row.name().equals("x")).toList();
		List<Map<String, Object>> page = Listing.page(query, filters, (after, size) -> {
			reads.add(size);
			return named.stream().filter((row) -> row.id() > after).limit(size).toList();
		}, Row::id, (uuid) -> Optional.empty(), (row) -> Map.of("id", row.uuid(), "name", row.name()));
		assertThat(ids(page)).isEqualTo(expected(1, 3));
		assertThat(reads).containsExactly(3);
	}

	@Test
	void fixedIpsFiltersGoToTheDatabaseByPartAndUnknownPartsStayInMemory() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("fixed_ips", "ip_address=10.0.0.5");
		query.add("fixed_ips", "subnet_id=s-1");
		Map<String, String> database = Map.of("fixed_ips.ip_address", "fixedIpAddress", "fixed_ips.subnet_id",
				"fixedIpSubnet");
		assertThat(Listing.filters(query, database).database())
			.isEqualTo(Map.of("fixedIpAddress", List.of("10.0.0.5"), "fixedIpSubnet", List.of("s-1")));
		query.add("fixed_ips", "ip_address_substr=10.0");
		assertThat(Listing.filters(query, database).database()).isEmpty();
		assertThat(Listing.filters(query, database).inDatabase()).isEmpty();
	}

	@Test
	void aLookupThatFindsNothingIsEmpty() {
		assertThat(Listing.found(() -> {
			throw NetworkException.notFound("Network", "n");
		})).isEqualTo(Optional.empty());
	}

}
