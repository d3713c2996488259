package dev.novaboot.compute;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * nova-compute: the ComputeManager, its compute drivers and the Compute API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComputeApplication {

	public static void main(String[] args) {
		SpringApplication.run(ComputeApplication.class, args);
	}

}
