package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.compute.ComputeProperties;
import dev.novaboot.compute.driver.ComputeDriver;
import dev.novaboot.compute.store.FlavorRepository;
import dev.novaboot.compute.store.FlavorSeedRepository;
import dev.novaboot.service.record.DatabaseClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Flavors seeded from {@code nova.compute.flavors}: each configured id once per database,
 * so that what an admin deleted stays deleted and what an admin made first stays the
 * admin's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class FlavorSeedingTests {

	@Autowired
	FlavorRepository flavors;

	@Autowired
	FlavorSeedRepository seeds;

	@Autowired
	DatabaseClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	FlavorCatalog catalog;

	@Test
	void theDefaultsAreSeededWhenNoneAreConfigured() {
		assertThat(this.flavors.findAll()).extracting((flavor) -> flavor.getName())
			.contains("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge");
	}

	@Test
	void aConfiguredFlavorIsSeededOnceAndADeletedOneStaysDeleted() {
		FlavorSeeding seeding = seeding(new Flavor("seed-1", "seed.one", 1, 128, 1));
		seeding.afterSingletonsInstantiated();
		assertThat(this.catalog.find("seed-1")).hasValueSatisfying((flavor) -> assertThat(flavor.getName())
			.isEqualTo("seed.one"));

		this.catalog.delete("seed-1");
		seeding.afterSingletonsInstantiated();
		assertThat(this.catalog.find("seed-1")).isEmpty();
	}

	@Test
	void anAdminsFlavorWithTheSameNameWinsOverTheConfiguration() {
		this.catalog.create("admins-own", "seed.two", 256, 1, 1, 0, 0, 1.0, true);
		seeding(new Flavor("seed-2", "seed.two", 4, 4096, 40)).afterSingletonsInstantiated();
		assertThat(this.catalog.find("seed-2")).isEmpty();
		assertThat(this.catalog.find("admins-own")).hasValueSatisfying((flavor) -> assertThat(flavor.getMemoryMb())
			.isEqualTo(256));
		this.catalog.delete("admins-own");
	}

	@Test
	void twoConfiguredFlavorsWithOneIdStopStartUp() {
		assertThatIllegalStateException()
			.isThrownBy(() -> seeding(new Flavor("dup", "a", 1, 1, 1), new Flavor("dup", "b", 1, 1, 1)))
			.withMessageContaining("two flavors with one id");
	}

	private FlavorSeeding seeding(Flavor... configured) {
		ComputeProperties properties = new ComputeProperties(ComputeDriver.Choice.FAKE, List.of(configured), 16.0, 1.5,
				1.0, 4, null, null, null, null, null, null, null);
		return new FlavorSeeding(properties, this.flavors, this.seeds, this.clock, this.transactions);
	}

}
