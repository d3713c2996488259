package dev.novaboot.volume;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house plan's rules (docs/architecture.md, "The house plan") checked on the
 * compiled classes of nova-volume, so that a misplaced dependency fails the build instead
 * of waiting for a reader to notice it.
 */
class HousePlanTests {

	private static final JavaClasses VOLUME = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.novaboot.volume");

	@Test
	void noOtherAppIsUsed() {
		noClasses().that()
			.resideInAPackage("dev.novaboot.volume..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.novaboot.network..", "dev.novaboot.compute..")
			.check(VOLUME);
	}

	@Test
	void onlyTheApiUsesHttpTypes() {
		noClasses().that()
			.resideOutsideOfPackage("dev.novaboot.volume.api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
			.check(VOLUME);
	}

	@Test
	void driversUseNeitherTheApiNorTheStore() {
		noClasses().that()
			.resideInAPackage("dev.novaboot.volume.driver..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.novaboot.volume.api..", "dev.novaboot.volume.store..")
			.check(VOLUME);
	}

	@Test
	void repositoriesAreUsedByTheManagerAndTheStoreOnly() {
		classes().that()
			.resideInAPackage("dev.novaboot.volume.store..")
			.and()
			.areAssignableTo(Repository.class)
			.should()
			.onlyHaveDependentClassesThat()
			.resideInAnyPackage("dev.novaboot.volume.manager..", "dev.novaboot.volume.store..")
			.check(VOLUME);
	}

}
