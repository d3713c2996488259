package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The batch of a bulk create: one transaction for all items, started again from the first
 * item when an item collided where a single create would have retried.
 */
class BulkCreationTests {

	private final List<String> outcomes = new ArrayList<>();

	private final BulkCreation bulk = new BulkCreation(new TransactionTemplate(new PlatformTransactionManager() {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			return new SimpleTransactionStatus();
		}

		@Override
		public void commit(TransactionStatus status) {
			BulkCreationTests.this.outcomes.add("commit");
		}

		@Override
		public void rollback(TransactionStatus status) {
			BulkCreationTests.this.outcomes.add("rollback");
		}

	}));

	@Test
	void everyItemInOneTransaction() {
		assertThat(this.bulk.createAll(List.of("a", "b", "c"), String::toUpperCase)).containsExactly("A", "B", "C");
		assertThat(this.outcomes).containsExactly("commit");
	}

	@Test
	void aCollisionRollsBackAndRetriesTheWholeBatch() {
		AtomicInteger calls = new AtomicInteger();
		List<String> created = this.bulk.createAll(List.of("a", "b"), (item) -> {
			if (calls.incrementAndGet() == 2) {
				throw new BulkCreation.Collision(NetworkException.conflict("MacAddressGenerationFailure", "m"));
			}
			return item;
		});
		assertThat(created).containsExactly("a", "b");
		assertThat(calls).hasValue(4);
		assertThat(this.outcomes).containsExactly("rollback", "commit");
	}

	@Test
	void collisionsEveryTimeEndInTheSingleCreatesErrorAndAnyOtherErrorAtOnce() {
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.bulk.createAll(List.of("a"), (item) -> {
				throw new BulkCreation.Collision(NetworkException.conflict("MacAddressGenerationFailure", "m"));
			}))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo("MacAddressGenerationFailure"));
		assertThat(this.outcomes).hasSize(BulkCreation.ATTEMPTS).containsOnly("rollback");
		this.outcomes.clear();
		assertThatExceptionOfType(NetworkException.class)
			.isThrownBy(() -> this.bulk.createAll(List.of("a", "b"), (item) -> {
				throw NetworkException.conflict("IpAddressAlreadyAllocated", "taken");
			}));
		assertThat(this.outcomes).containsExactly("rollback");
	}

}
