package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.compute.ComputeProperties;

import org.springframework.stereotype.Component;

/**
 * The flavors of this cloud, from {@code nova.compute.flavors}; Nova's classic m1 set when
 * none are configured.
 */
@Component
public class FlavorCatalog {

	static final List<Flavor> DEFAULTS = List.of(new Flavor("1", "m1.tiny", 1, 512, 1),
			new Flavor("2", "m1.small", 1, 2048, 20), new Flavor("3", "m1.medium", 2, 4096, 40),
			new Flavor("4", "m1.large", 4, 8192, 80), new Flavor("5", "m1.xlarge", 8, 16384, 160));

	private final List<Flavor> flavors;

	public FlavorCatalog(ComputeProperties properties) {
		List<Flavor> configured = properties.flavors();
		this.flavors = configured.isEmpty() ? DEFAULTS : List.copyOf(configured);
		if (this.flavors.stream().map(Flavor::id).distinct().count() != this.flavors.size()) {
			throw new IllegalStateException("nova.compute.flavors has two flavors with one id: " + this.flavors);
		}
	}

	public List<Flavor> list() {
		return this.flavors;
	}

	public Optional<Flavor> find(String id) {
		return this.flavors.stream().filter((flavor) -> flavor.id().equals(id)).findFirst();
	}

}
