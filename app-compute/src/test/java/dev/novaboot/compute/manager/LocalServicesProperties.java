package dev.novaboot.compute.manager;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The compute tests' in-process stand-ins for nova-network and nova-volume.
 *
 * @param cidr the one fixed network addresses come from
 * @param networkName its label
 * @param bridge its bridge
 * @param dns its DNS servers
 * @param volumeDirectory where volume files are, named {@code volume-<id>} as the
 * {@code file} volume driver names them
 */
@ConfigurationProperties("nova.compute.local")
public record LocalServicesProperties(@DefaultValue("10.0.0.0/24") String cidr,
		@DefaultValue("private") String networkName, @DefaultValue("br100") String bridge,
		@DefaultValue("8.8.8.8") List<String> dns, @DefaultValue("target/test-volumes") Path volumeDirectory) {
}
