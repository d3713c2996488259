package dev.novaboot.service.testsupport;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.springframework.data.repository.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house plan's rules (docs/architecture.md, "The house plan") for one app, checked on
 * its compiled classes, so that every app is held to the same rules, worded once.
 */
public final class HousePlan {

	private static final List<String> APPS = List.of("volume", "network", "compute");

	private final String app;

	private final JavaClasses classes;

	private HousePlan(String app) {
		this.app = "dev.novaboot." + app;
		this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(this.app);
	}

	/** The rules for {@code dev.novaboot.<app>}. */
	public static HousePlan of(String app) {
		return new HousePlan(app);
	}

	/** No app depends on another app: they speak through RPC contracts in the starter. */
	public void noOtherAppIsUsed() {
		noClasses().that()
			.resideInAPackage(this.app + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(APPS.stream()
				.map((other) -> "dev.novaboot." + other + "..")
				.filter((other) -> !other.equals(this.app + ".."))
				.toArray(String[]::new))
			.check(this.classes);
	}

	/** HTTP and servlet types stay in {@code api/}: the domain throws domain exceptions. */
	public void onlyTheApiUsesHttpTypes() {
		noClasses().that()
			.resideOutsideOfPackage(this.app + ".api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..", "jakarta.servlet..")
			.check(this.classes);
	}

	/** Drivers take plain values: they use neither the API nor the entities. */
	public void driversUseNeitherTheApiNorTheStore() {
		noClasses().that()
			.resideInAPackage(this.app + ".driver..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(this.app + ".api..", this.app + ".store..")
			.check(this.classes);
	}

	/**
	 * Not even the starter's repositories (service records) are read from {@code api/},
	 * {@code driver/} or {@code rpc/}: what they need to know, the manager tells them.
	 */
	public void noRepositoryIsUsedByTheApiDriversOrRpc() {
		noClasses().that()
			.resideInAnyPackage(this.app + ".api..", this.app + ".driver..", this.app + ".rpc..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Repository.class)
			.check(this.classes);
	}

	/** The manager owns its tables: repositories are used from {@code manager/} and {@code store/} only. */
	public void repositoriesAreUsedByTheManagerAndTheStoreOnly() {
		classes().that()
			.resideInAPackage(this.app + ".store..")
			.and()
			.areAssignableTo(Repository.class)
			.should()
			.onlyHaveDependentClassesThat()
			.resideInAnyPackage(this.app + ".manager..", this.app + ".store..")
			.check(this.classes);
	}

}
