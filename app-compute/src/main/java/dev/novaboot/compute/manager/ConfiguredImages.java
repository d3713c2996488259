package dev.novaboot.compute.manager;

import java.time.Instant;
import java.util.List;

/**
 * Images of the {@code fake} driver: names from configuration, no files.
 */
public class ConfiguredImages implements ComputeImages {

	private final List<Image> images;

	public ConfiguredImages(List<String> names, Instant since) {
		this.images = names.stream()
			.map((name) -> new Image(ComputeImages.idOf(name), name, "qcow2", 0, null, since))
			.toList();
	}

	@Override
	public List<Image> list() {
		return this.images;
	}

}
