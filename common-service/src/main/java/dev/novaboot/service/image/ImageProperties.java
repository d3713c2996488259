package dev.novaboot.service.image;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the suite's images are.
 *
 * @param directory the image store's directory, one file per image, named as the image;
 * shared by every host of the suite that boots servers or makes volumes from images (a
 * common mount across machines)
 */
@ConfigurationProperties("nova.image")
public record ImageProperties(@DefaultValue("./var/images") Path directory) {
}
