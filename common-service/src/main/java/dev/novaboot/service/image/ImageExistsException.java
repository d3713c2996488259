package dev.novaboot.service.image;

/** An image of that name is already in the store: names are images' identities here. */
public class ImageExistsException extends RuntimeException {

	public ImageExistsException(String name) {
		super("An image named '" + name + "' already exists.");
	}

}
