package dev.novaboot.volume.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size of a list page as Cinder's {@code api.common} reads {@code limit}: no limit is
 * a page of {@code osapi_max_limit} (1,000) items, and a larger limit is capped at it, so
 * that no request lists every row of a large cloud at once.
 */
class ListPagingTests {

	static final ListPaging.Sorting UNSORTED = new ListPaging.Sorting(null, null, null);

	@Test
	void aListWithoutLimitIsAPageOfAThousand() {
		assertThat(ListPaging.request("Volume", null, null, UNSORTED).limit()).isEqualTo(1000);
	}

	@Test
	void aLimitAboveAThousandIsCappedAtAThousand() {
		assertThat(ListPaging.request("Volume", "5000", null, UNSORTED).limit()).isEqualTo(1000);
		assertThat(ListPaging.request("Volume", "99999999999", null, UNSORTED).limit()).isEqualTo(1000);
	}

	@Test
	void aSmallerLimitIsTheClientsPageSize() {
		assertThat(ListPaging.request("Volume", "50", null, UNSORTED).limit()).isEqualTo(50);
		assertThat(ListPaging.request("Volume", "+7", null, UNSORTED).limit()).isEqualTo(7);
	}

}
