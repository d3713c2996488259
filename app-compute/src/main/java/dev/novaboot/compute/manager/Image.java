package dev.novaboot.compute.manager;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A disk image the compute driver can boot.
 *
 * @param id a stable uuid derived from the name
 * @param name the image's name (its file name for the {@code qemu} driver)
 * @param diskFormat {@code qcow2} or {@code raw}
 * @param size bytes, as stored
 * @param path the file, or null where there is none (the {@code fake} driver)
 * @param createdAt when it appeared
 */
public record Image(String id, String name, String diskFormat, long size, Path path, Instant createdAt) {

}
