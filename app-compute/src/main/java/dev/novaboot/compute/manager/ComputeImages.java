package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.service.image.ImageStore;

/**
 * The images this host's compute driver can boot; read by the Image API and by the boot
 * flow.
 */
public interface ComputeImages {

	List<Image> list();

	default Optional<Image> find(String id) {
		return list().stream().filter((image) -> image.id().equals(id)).findFirst();
	}

	/**
	 * The stable id of the image called {@code name}: the same on every host, and the same
	 * that nova-volume tells for an image it made ({@link ImageStore#idOf}).
	 */
	static String idOf(String name) {
		return ImageStore.idOf(name);
	}

}
