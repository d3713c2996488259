package dev.novaboot.volume;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * nova-volume: the VolumeManager, its volume drivers and the Block Storage API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VolumeApplication {

	public static void main(String[] args) {
		SpringApplication.run(VolumeApplication.class, args);
	}

}
