package dev.novaboot.compute.manager;

import java.util.List;

import dev.novaboot.service.image.ImageStore;
import dev.novaboot.service.image.StoredImage;

/**
 * Images of the {@code qemu} driver: the files of the suite's {@link ImageStore}, read
 * anew on every listing, so that an operator adds an image by copying a file there and a
 * volume uploaded as an image appears as soon as it is complete.
 */
public class DirectoryImages implements ComputeImages {

	private final ImageStore store;

	public DirectoryImages(ImageStore store) {
		this.store = store;
	}

	@Override
	public List<Image> list() {
		return this.store.list().stream().map(DirectoryImages::image).toList();
	}

	static Image image(StoredImage stored) {
		return new Image(stored.id(), stored.name(), stored.diskFormat(), stored.size(), stored.path(),
				stored.createdAt());
	}

}
