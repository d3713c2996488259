package dev.novaboot.service.api;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecordRepository;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service administration API that every app serves.
 */
@Configuration(proxyBeanMethods = false)
public class ServicesApiConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ServiceAdministration serviceAdministration(ServiceRecordRepository repository, ServiceGroup serviceGroup,
			DatabaseClock databaseClock) {
		return new ServiceAdministration(repository, serviceGroup, databaseClock);
	}

	@Bean
	ServicesController servicesController(ServiceAdministration serviceAdministration) {
		return new ServicesController(serviceAdministration);
	}

	@Bean
	ServicesApiFaults servicesApiFaults() {
		return new ServicesApiFaults();
	}

}
