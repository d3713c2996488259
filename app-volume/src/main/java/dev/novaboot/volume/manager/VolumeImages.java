package dev.novaboot.volume.manager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.novaboot.service.image.ImageStore;
import dev.novaboot.service.image.StoredImage;

import org.springframework.stereotype.Component;

/**
 * The images volumes are made from and uploaded as: the suite's {@link ImageStore}, the
 * same files and ids that nova-compute's Image API serves (Glance, to Cinder).
 */
@Component
public class VolumeImages {

	/** The disk formats of the store's images, which an upload may ask for. */
	public static final List<String> DISK_FORMATS = List.of("raw", "qcow2");

	/** Cinder's {@code disk_format} enum of {@code os-volume_upload_image}. */
	public static final List<String> CINDER_DISK_FORMATS = List.of("raw", "vmdk", "vdi", "qcow2", "vhd", "vhdx",
			"ploop");

	/** Cinder's {@code container_format} enum; only {@code bare} is stored here. */
	public static final List<String> CINDER_CONTAINER_FORMATS = List.of("ami", "ari", "aki", "bare", "ovf", "ova",
			"docker", "compressed");

	private static final long GIB = 1024L * 1024 * 1024;

	private final ImageStore store;

	VolumeImages(ImageStore store) {
		this.store = store;
	}

	/**
	 * The image an {@code imageRef} names, as Cinder's {@code _image_uuid_from_ref} finds
	 * it: the last segment of a URL, an image id, else an image name; none is Cinder's
	 * {@code 400}.
	 */
	public StoredImage resolve(String imageRef) {
		String last = imageRef.substring(imageRef.lastIndexOf('/') + 1);
		return this.store.find(last)
			.or(() -> this.store.findByName(imageRef))
			.orElseThrow(() -> new InvalidInputException(
					"Invalid image identifier or unable to access requested image."));
	}

	Optional<StoredImage> find(String id) {
		return this.store.find(id);
	}

	boolean exists(String name) {
		return this.store.findByName(name).isPresent();
	}

	ImageStore store() {
		return this.store;
	}

	/**
	 * Cinder's {@code check_image_metadata}: the image's bytes must fit the volume (its
	 * virtual size is checked by the driver, which reads the image).
	 */
	public static void checkFits(StoredImage image, int sizeGb) {
		long imageGb = (image.size() + GIB - 1) / GIB;
		if (imageGb > sizeGb) {
			throw new InvalidInputException(
					"Size of specified image " + imageGb + "GB is larger than volume size " + sizeGb + "GB.");
		}
	}

	/**
	 * What a volume made from {@code image} tells of it (Cinder's
	 * {@code get_volume_image_metadata}): its id and name and the image attributes this
	 * store knows, as strings.
	 */
	static Map<String, String> metadataOf(StoredImage image) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("image_id", image.id());
		metadata.put("image_name", image.name());
		metadata.put("container_format", "bare");
		metadata.put("disk_format", image.diskFormat());
		metadata.put("min_disk", "0");
		metadata.put("min_ram", "0");
		metadata.put("size", String.valueOf(image.size()));
		return metadata;
	}

	static boolean isValidName(String name) {
		return ImageStore.isValidName(name);
	}

	static boolean isStoredFormat(String diskFormat) {
		return Set.copyOf(DISK_FORMATS).contains(diskFormat);
	}

}
