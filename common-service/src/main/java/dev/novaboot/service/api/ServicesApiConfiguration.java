package dev.novaboot.service.api;

import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.group.ServiceListing;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.web.ApiFaultShape;
import dev.novaboot.service.web.ApiFaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
			DatabaseClock databaseClock, DataSource dataSource, ObjectProvider<ServiceDeletionGuard> deletionGuards) {
		return new ServiceAdministration(repository, serviceGroup, databaseClock,
				new ServiceListing(dataSource, Duration.ofMillis(serviceGroup.downMillis())),
				deletionGuards.orderedStream().toList());
	}

	@Bean
	ServicesController servicesController(ServiceAdministration serviceAdministration) {
		return new ServicesController(serviceAdministration);
	}

	/**
	 * Microversions for {@code /v2.1}; an app whose other paths speak the Compute API (its
	 * version document) declares its own bean of this name.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "computeMicroversionFilter")
	FilterRegistrationBean<ComputeMicroversionFilter> computeMicroversionFilter(ObjectProvider<ApiFaults> faults) {
		// Nova's fault shape when the app's web edge (NovaWebAutoConfiguration) is not there
		FilterRegistrationBean<ComputeMicroversionFilter> registration = new FilterRegistrationBean<>(
				new ComputeMicroversionFilter(faults.getIfAvailable(() -> new ApiFaults(ApiFaultShape.openStack())),
						Set.of()));
		registration.setOrder(ComputeMicroversionFilter.ORDER);
		return registration;
	}

	@Bean
	ServicesApiFaults servicesApiFaults() {
		return new ServicesApiFaults();
	}

}
