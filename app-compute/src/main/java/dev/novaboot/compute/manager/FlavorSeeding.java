package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.store.FlavorRecord;
import dev.novaboot.compute.store.FlavorRepository;
import dev.novaboot.compute.store.FlavorSeed;
import dev.novaboot.compute.store.FlavorSeedRepository;
import dev.novaboot.service.record.DatabaseClock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the flavors from {@code nova.compute.flavors} (Nova's m1.tiny to m1.xlarge when
 * none are configured) before the API answers: each configured flavor id once per
 * database, ever, so that a flavor an admin deleted is not brought back by a restart, and
 * a flavor added to the configuration later is seeded at the next start. An admin's own
 * flavor with the same id or name wins over the configuration's.
 */
@Component
class FlavorSeeding implements SmartInitializingSingleton {

	static final List<Flavor> DEFAULTS = List.of(new Flavor("1", "m1.tiny", 1, 512, 1),
			new Flavor("2", "m1.small", 1, 2048, 20), new Flavor("3", "m1.medium", 2, 4096, 40),
			new Flavor("4", "m1.large", 4, 8192, 80), new Flavor("5", "m1.xlarge", 8, 16384, 160));

	private static final Log logger = LogFactory.getLog(FlavorSeeding.class);

	private final List<Flavor> configured;

	private final FlavorRepository flavors;

	private final FlavorSeedRepository seeds;

	private final DatabaseClock clock;

	private final TransactionTemplate transactions;

	FlavorSeeding(ComputeProperties properties, FlavorRepository flavors, FlavorSeedRepository seeds,
			DatabaseClock clock, PlatformTransactionManager transactionManager) {
		this.configured = properties.flavors().isEmpty() ? DEFAULTS : properties.flavors();
		if (this.configured.stream().map(Flavor::id).distinct().count() != this.configured.size()) {
			throw new IllegalStateException("nova.compute.flavors has two flavors with one id: " + this.configured);
		}
		this.flavors = flavors;
		this.seeds = seeds;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (Flavor flavor : this.configured) {
			// one transaction per flavor: hosts starting together race for the same seeds,
			// and the loser of one race must still seed the others
			try {
				this.transactions.executeWithoutResult((status) -> seed(flavor));
			}
			catch (DataIntegrityViolationException ex) {
				logger.debug("Flavor " + flavor.id() + " was seeded by another service meanwhile");
			}
		}
	}

	private void seed(Flavor flavor) {
		if (this.seeds.existsById(flavor.id())) {
			return;
		}
		this.seeds.saveAndFlush(new FlavorSeed(flavor.id(), this.clock.now()));
		if (this.flavors.existsByFlavorid(flavor.id()) || this.flavors.existsByName(flavor.name())) {
			logger.info("Flavor " + flavor.id() + " (" + flavor.name() + ") of nova.compute.flavors exists already; "
					+ "not seeded");
			return;
		}
		this.flavors.saveAndFlush(new FlavorRecord(flavor.id(), flavor.name(), flavor.ram(), flavor.vcpus(),
				flavor.disk(), 0, 0, 1.0, true, this.clock.now()));
	}

}
