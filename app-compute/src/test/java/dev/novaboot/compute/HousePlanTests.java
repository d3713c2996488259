package dev.novaboot.compute;

import dev.novaboot.service.testsupport.HousePlan;
import org.junit.jupiter.api.Test;

/**
 * The house plan's rules (docs/architecture.md, "The house plan") checked on the
 * compiled classes of nova-compute, so that a misplaced dependency fails the build instead
 * of waiting for a reader to notice it.
 */
class HousePlanTests {

	private static final HousePlan COMPUTE = HousePlan.of("compute");

	@Test
	void noOtherAppIsUsed() {
		COMPUTE.noOtherAppIsUsed();
	}

	@Test
	void onlyTheApiUsesHttpTypes() {
		COMPUTE.onlyTheApiUsesHttpTypes();
	}

	@Test
	void driversUseNeitherTheApiNorTheStore() {
		COMPUTE.driversUseNeitherTheApiNorTheStore();
	}

	@Test
	void repositoriesAreUsedByTheManagerAndTheStoreOnly() {
		COMPUTE.repositoriesAreUsedByTheManagerAndTheStoreOnly();
	}

	@Test
	void noRepositoryIsUsedByTheApiDriversOrRpc() {
		COMPUTE.noRepositoryIsUsedByTheApiDriversOrRpc();
	}

}
