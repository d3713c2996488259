package dev.novaboot.volume.store;

import dev.novaboot.service.schema.SchemaModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * nova-volume's own tables ({@code volumes}, {@code snapshots},
 * {@code volume_capacities}), migrated by the starter with their own Flyway history.
 */
@Configuration(proxyBeanMethods = false)
class VolumeSchema {

	@Bean
	SchemaModule volumeSchemaModule() {
		return new SchemaModule("volume", "classpath:db/migration/volume");
	}

}
