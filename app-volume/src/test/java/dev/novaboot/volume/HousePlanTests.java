package dev.novaboot.volume;

import dev.novaboot.service.testsupport.HousePlan;
import org.junit.jupiter.api.Test;

/**
 * The house plan's rules (docs/architecture.md, "The house plan") checked on the
 * compiled classes of nova-volume, so that a misplaced dependency fails the build instead
 * of waiting for a reader to notice it.
 */
class HousePlanTests {

	private static final HousePlan VOLUME = HousePlan.of("volume");

	@Test
	void noOtherAppIsUsed() {
		VOLUME.noOtherAppIsUsed();
	}

	@Test
	void onlyTheApiUsesHttpTypes() {
		VOLUME.onlyTheApiUsesHttpTypes();
	}

	@Test
	void driversUseNeitherTheApiNorTheStore() {
		VOLUME.driversUseNeitherTheApiNorTheStore();
	}

	@Test
	void repositoriesAreUsedByTheManagerAndTheStoreOnly() {
		VOLUME.repositoriesAreUsedByTheManagerAndTheStoreOnly();
	}

	@Test
	void noRepositoryIsUsedByTheApiDriversOrRpc() {
		VOLUME.noRepositoryIsUsedByTheApiDriversOrRpc();
	}

}
