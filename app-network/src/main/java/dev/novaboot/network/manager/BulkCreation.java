package dev.novaboot.network.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Neutron's bulk create ({@code {"networks": [...]}}): every item is created in one
 * transaction, so that either all of them exist afterwards or none does, and a failing
 * item's error is the answer. A collision that a single create would retry (a random MAC
 * address, a free VLAN id another host took first) aborts the transaction; the whole
 * batch is then tried again from the start, as Neutron's retry decorators do.
 */
@Service
public class BulkCreation {

	static final int ATTEMPTS = 10;

	// the items' transaction: several creates in one, which no single @Transactional
	// method of the services gives
	private final TransactionTemplate tx;

	public BulkCreation(TransactionTemplate tx) {
		this.tx = tx;
	}

	/** Creates every spec with {@code create}, all in one transaction, in order. */
	public <S, R> List<R> createAll(List<S> specs, Function<S, R> create) {
		Collision last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				return this.tx.execute((status) -> {
					List<R> created = new ArrayList<>(specs.size());
					for (S spec : specs) {
						created.add(create.apply(spec));
					}
					return created;
				});
			}
			catch (Collision ex) {
				last = ex;
			}
		}
		throw last.exhausted();
	}

	/**
	 * Thrown by a create that runs inside a bulk's transaction where on its own it would
	 * retry: the batch retries instead, as the transaction can no longer be used.
	 */
	static final class Collision extends RuntimeException {

		private final NetworkException exhausted;

		Collision(NetworkException exhausted) {
			super(exhausted.getMessage(), null, false, false);
			this.exhausted = exhausted;
		}

		/** What the caller gets when every attempt collided. */
		NetworkException exhausted() {
			return this.exhausted;
		}

	}

}
