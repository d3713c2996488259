package dev.novaboot.network;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * nova-network: the NetworkManager strategies, their network drivers and the Networking
 * API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NetworkApplication {

	public static void main(String[] args) {
		SpringApplication.run(NetworkApplication.class, args);
	}

}
