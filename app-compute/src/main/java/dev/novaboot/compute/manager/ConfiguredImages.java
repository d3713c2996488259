package dev.novaboot.compute.manager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.image.ImageStore;

/**
 * Images of the {@code fake} driver: names from configuration, without files, and the
 * images of the suite's {@link ImageStore} (such as volumes uploaded as images), which a
 * fake server "boots" as well. A stored image of a configured name is the stored one.
 */
public class ConfiguredImages implements ComputeImages {

	private final List<Image> configured;

	private final ImageStore store;

	public ConfiguredImages(List<String> names, Instant since, ImageStore store) {
		this.configured = names.stream()
			.map((name) -> new Image(ComputeImages.idOf(name), name, "qcow2", 0, null, since))
			.toList();
		this.store = store;
	}

	@Override
	public List<Image> list() {
		Map<String, Image> images = new LinkedHashMap<>();
		this.configured.forEach((image) -> images.put(image.id(), image));
		this.store.list().forEach((stored) -> images.put(stored.id(), DirectoryImages.image(stored)));
		return new ArrayList<>(images.values());
	}

}
