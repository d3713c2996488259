package dev.novaboot.service.image;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An image of the {@link ImageStore}.
 *
 * @param id its stable uuid, {@link ImageStore#idOf derived from its name}
 * @param name its name, the file's name
 * @param diskFormat {@code qcow2} or {@code raw}, read from the file's first bytes
 * @param size bytes, as stored
 * @param path the file
 * @param createdAt the file's modification time
 */
public record StoredImage(String id, String name, String diskFormat, long size, Path path, Instant createdAt) {
}
