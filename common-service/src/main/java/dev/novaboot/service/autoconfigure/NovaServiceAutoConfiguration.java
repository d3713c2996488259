package dev.novaboot.service.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import dev.novaboot.service.NovaProperties;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.ServiceProperties;
import dev.novaboot.service.actuate.ServiceInfoContributor;
import dev.novaboot.service.actuate.ServiceStateHealthIndicator;
import dev.novaboot.service.api.MicroversionArgumentResolver;
import dev.novaboot.service.api.ServicesApiConfiguration;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.context.RequestContextArgumentResolver;
import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedByValidator;
import dev.novaboot.service.files.EmbeddedDatabaseFiles;
import dev.novaboot.service.files.H2FileDatabase;
import dev.novaboot.service.files.OwnerOnlyFiles;
import dev.novaboot.service.files.OwnerOnlyLogFile;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.image.ImageProperties;
import dev.novaboot.service.image.ImageStore;
import dev.novaboot.service.manager.Manager;
import dev.novaboot.service.manager.ManagerInitializer;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.Heartbeat;
import dev.novaboot.service.record.HeartbeatSchedule;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.record.ServiceRegistrar;
import dev.novaboot.service.record.ServiceRegistration;
import dev.novaboot.service.rpc.RpcProperties;
import dev.novaboot.service.schema.MigrationLock;
import dev.novaboot.service.schema.ModuleMigrations;
import dev.novaboot.service.schema.SchemaModule;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Service part of Nova's Services, Managers and Drivers, auto-configured into every
 * app of the suite: the service record and its heartbeat, the service group, the schema
 * migrations of every module, the manager's {@code initHost()} and periodic tasks, the
 * service administration API, health and info.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = TaskSchedulingAutoConfiguration.class,
		beforeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@AutoConfigurationPackage(basePackages = "dev.novaboot.service")
@EnableConfigurationProperties({ NovaProperties.class, ServiceProperties.class, ImageProperties.class })
public final class NovaServiceAutoConfiguration {

	@Bean
	static SelectedByValidator selectedByValidator() {
		return new SelectedByValidator();
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceIdentity serviceIdentity(NovaProperties nova, ServiceProperties service) {
		String host = (nova.host() != null && !nova.host().isBlank()) ? nova.host() : localHostName();
		return new ServiceIdentity(host, service.binary(), service.topic(), service.zone());
	}

	private static String localHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Cannot tell this machine's host name; set nova.host", ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SchemaConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SchemaModule serviceSchemaModule() {
			return new SchemaModule("service", "classpath:db/migration/service");
		}

		@Bean
		@ConditionalOnMissingBean
		ModuleMigrations moduleMigrations(DataSource dataSource, ObjectProvider<SchemaModule> modules,
				Environment environment) {
			// the embedded H2 file database: its apps take turns, through a file beside it
			MigrationLock lock = H2FileDatabase.of(environment.getProperty("spring.datasource.url"))
				.map((database) -> MigrationLock.file(database.directory().resolve(database.name() + ".migrations.lock")))
				.orElse(MigrationLock.NONE);
			return new ModuleMigrations(dataSource, modules.orderedStream().toList(), lock);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class ServiceRecordConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DatabaseClock databaseClock(DataSource dataSource) {
			return new DatabaseClock(new JdbcTemplate(dataSource));
		}

		@Bean
		@ConditionalOnMissingBean
		ServiceRegistrar serviceRegistrar(ServiceRecordRepository repository, DatabaseClock databaseClock,
				PlatformTransactionManager transactionManager) {
			return new ServiceRegistrar(repository, databaseClock, new TransactionTemplate(transactionManager));
		}

		@Bean
		@ConditionalOnMissingBean
		Heartbeat heartbeat(ServiceRecordRepository repository, ServiceRegistrar serviceRegistrar,
				ServiceIdentity serviceIdentity) {
			return new Heartbeat(repository, serviceRegistrar, serviceIdentity);
		}

		@Bean
		HeartbeatSchedule heartbeatSchedule(Heartbeat heartbeat, ServiceProperties properties) {
			return new HeartbeatSchedule(heartbeat, properties.reportInterval());
		}

		@Bean
		@ConditionalOnMissingBean
		ServiceRegistration serviceRegistration(Heartbeat heartbeat, ServiceIdentity serviceIdentity,
				ObjectProvider<RpcProperties> rpc, ApplicationContext context) {
			RpcProperties rpcProperties = rpc.getIfAvailable();
			String advertised = (rpcProperties != null) ? rpcProperties.http().advertisedHost() : null;
			return new ServiceRegistration(heartbeat,
					rpcEndpoint((advertised != null && !advertised.isBlank()) ? advertised : serviceIdentity.host(),
							context));
		}

		// the address others reach this host by: nova.rpc.http.advertised-host, else nova.host
		private static Supplier<String> rpcEndpoint(String host, ApplicationContext context) {
			return () -> (context instanceof WebServerApplicationContext web && web.getWebServer() != null)
					? "http://" + host + ":" + web.getWebServer().getPort() : null;
		}

		@Bean
		@ConditionalOnMissingBean
		ServiceGroup serviceGroup(ServiceRecordRepository repository, DatabaseClock databaseClock,
				ServiceProperties properties) {
			return new ServiceGroup(repository, databaseClock, properties.downTime());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(Manager.class)
	static class ManagerConfiguration {

		@Bean
		ManagerInitializer managerInitializer(Manager manager, ServiceIdentity serviceIdentity) {
			return new ManagerInitializer(manager, serviceIdentity.host());
		}

	}

	@Bean
	@ConditionalOnMissingBean
	CommandRunner commandRunner(NovaProperties nova) {
		String helper = (nova.rootHelper() != null) ? nova.rootHelper().trim() : "";
		List<String> prefix = helper.isEmpty() ? List.of() : List.of(helper.split("\\s+"));
		return new CommandRunner(prefix, nova.commandTimeout());
	}

	/**
	 * Owner-only files: the embedded database's, the log file, and whatever the apps
	 * write through {@link OwnerOnlyFiles} (the admin password, volume files).
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnerOnlyFilesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OwnerOnlyFiles ownerOnlyFiles() {
			return new OwnerOnlyFiles();
		}

		@Bean
		@ConditionalOnSingleCandidate(DataSource.class)
		@ConditionalOnMissingBean
		EmbeddedDatabaseFiles embeddedDatabaseFiles(DataSource dataSource, OwnerOnlyFiles ownerOnlyFiles) {
			return new EmbeddedDatabaseFiles(dataSource, ownerOnlyFiles);
		}

		/** The suite's shared images ({@code nova.image.directory}); an app may choose another directory. */
		@Bean
		@ConditionalOnMissingBean
		ImageStore imageStore(ImageProperties properties, OwnerOnlyFiles ownerOnlyFiles) {
			return new ImageStore(properties.directory(), ownerOnlyFiles);
		}

		@Bean
		@ConditionalOnMissingBean
		OwnerOnlyLogFile ownerOnlyLogFile(Environment environment, OwnerOnlyFiles ownerOnlyFiles) {
			return new OwnerOnlyLogFile(LogFile.get(environment), ownerOnlyFiles);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import(ServicesApiConfiguration.class)
	static class ServicesApiAutoConfiguration implements WebMvcConfigurer {

		@Override
		public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
			resolvers.add(new RequestContextArgumentResolver());
			resolvers.add(new MicroversionArgumentResolver());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ActuatorConfiguration {

		@Bean
		@ConditionalOnEnabledHealthIndicator("serviceState")
		@ConditionalOnMissingBean(name = "serviceStateHealthIndicator")
		HealthIndicator serviceStateHealthIndicator(Heartbeat heartbeat, ServiceIdentity serviceIdentity) {
			return new ServiceStateHealthIndicator(heartbeat, serviceIdentity);
		}

		@Bean
		@ConditionalOnBean(Driver.class)
		@ConditionalOnEnabledHealthIndicator("driver")
		@ConditionalOnMissingBean(name = "driverHealthContributor")
		CompositeHealthContributor driverHealthContributor(Map<String, Driver> drivers) {
			return CompositeHealthContributor.fromMap(drivers, (driver) -> (HealthIndicator) driver::health);
		}

		@Bean
		@ConditionalOnMissingBean
		ServiceInfoContributor serviceInfoContributor(ServiceIdentity serviceIdentity,
				ObjectProvider<Manager> manager, ObjectProvider<Driver> drivers) {
			return new ServiceInfoContributor(serviceIdentity, manager.getIfUnique(), drivers.orderedStream().toList());
		}

	}

}
