package dev.novaboot.compute.store;

import dev.novaboot.service.schema.SchemaModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * nova-compute's own tables ({@code instances}, {@code compute_nodes},
 * {@code volume_attachments}), migrated by the starter with their own Flyway history.
 */
@Configuration(proxyBeanMethods = false)
class ComputeSchema {

	@Bean
	SchemaModule computeSchemaModule() {
		return new SchemaModule("compute", "classpath:db/migration/compute");
	}

}
