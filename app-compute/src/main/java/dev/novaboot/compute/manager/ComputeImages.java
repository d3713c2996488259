package dev.novaboot.compute.manager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The images this host's compute driver can boot; read by the Image API and by the boot
 * flow.
 */
public interface ComputeImages {

	List<Image> list();

	default Optional<Image> find(String id) {
		return list().stream().filter((image) -> image.id().equals(id)).findFirst();
	}

	/** The stable id of the image called {@code name}: the same on every host. */
	static String idOf(String name) {
		return UUID.nameUUIDFromBytes(("image:" + name).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
