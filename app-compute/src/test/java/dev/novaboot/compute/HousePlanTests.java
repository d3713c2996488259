package dev.novaboot.compute;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house plan of docs/architecture.md, checked on nova-compute's classes: the rooms
 * depend on each other only the way the plan allows.
 */
class HousePlanTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.novaboot.compute");

	@Test
	void noOtherAppIsImported() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.novaboot.volume..", "dev.novaboot.network..")
			.check(classes);
	}

	@Test
	void httpTypesStayInTheApi() {
		noClasses().that()
			.resideOutsideOfPackage("..api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
			.check(classes);
	}

	@Test
	void driversKnowNeitherTheApiNorTheStore() {
		noClasses().that()
			.resideInAPackage("..driver..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..api..", "..store..")
			.check(classes);
	}

	@Test
	void repositoriesAreUsedByTheManagerOnly() {
		noClasses().that()
			.resideInAnyPackage("..api..", "..driver..", "..rpc..")
			.should()
			.dependOnClassesThat(resideInAPackage("..store..").and(assignableTo(Repository.class)))
			.check(classes);
	}

	@Test
	void noRepositoryOfTheStarterIsUsedOutsideTheManagerEither() {
		noClasses().that()
			.resideInAnyPackage("..api..", "..driver..", "..rpc..")
			.should()
			.dependOnClassesThat(assignableTo(Repository.class))
			.check(classes);
	}

}
