package dev.novaboot.network;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.and;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house plan of docs/architecture.md, checked: the rooms of this app and what each may
 * use.
 */
class HousePlanTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.novaboot.network");

	@Test
	void noOtherAppIsUsed() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.novaboot.volume..", "dev.novaboot.compute..")
			.check(classes);
	}

	@Test
	void httpTypesAreUsedOnlyInTheApi() {
		noClasses().that()
			.resideOutsideOfPackage("..api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
			.check(classes);
	}

	@Test
	void driversUseNeitherTheApiNorTheStore() {
		noClasses().that()
			.resideInAPackage("..driver..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..api..", "..store..")
			.check(classes);
	}

	@Test
	void repositoriesAreUsedOnlyByTheManagerAndTheStore() {
		classes().that(and(resideInAPackage("..store.."), assignableTo(org.springframework.data.repository.Repository.class)))
			.should()
			.onlyBeAccessed()
			.byAnyPackage("..manager..", "..store..")
			.check(classes);
	}

}
