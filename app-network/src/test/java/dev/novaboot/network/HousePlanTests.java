package dev.novaboot.network;

import dev.novaboot.service.testsupport.HousePlan;
import org.junit.jupiter.api.Test;

/**
 * The house plan's rules (docs/architecture.md, "The house plan") checked on the
 * compiled classes of nova-network, so that a misplaced dependency fails the build instead
 * of waiting for a reader to notice it.
 */
class HousePlanTests {

	private static final HousePlan NETWORK = HousePlan.of("network");

	@Test
	void noOtherAppIsUsed() {
		NETWORK.noOtherAppIsUsed();
	}

	@Test
	void onlyTheApiUsesHttpTypes() {
		NETWORK.onlyTheApiUsesHttpTypes();
	}

	@Test
	void driversUseNeitherTheApiNorTheStore() {
		NETWORK.driversUseNeitherTheApiNorTheStore();
	}

	@Test
	void repositoriesAreUsedByTheManagerAndTheStoreOnly() {
		NETWORK.repositoriesAreUsedByTheManagerAndTheStoreOnly();
	}

	@Test
	void noRepositoryIsUsedByTheApiDriversOrRpc() {
		NETWORK.noRepositoryIsUsedByTheApiDriversOrRpc();
	}

}
