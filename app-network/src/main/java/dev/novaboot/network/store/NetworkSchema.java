package dev.novaboot.network.store;

import dev.novaboot.service.schema.SchemaModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The network tables: the starter's schema support runs the Flyway migrations under
 * {@code db/migration/network} as the module {@code network}.
 */
@Configuration(proxyBeanMethods = false)
public class NetworkSchema {

	@Bean
	SchemaModule networkSchemaModule() {
		return new SchemaModule("network", "classpath:db/migration/network");
	}

}
