package dev.novaboot.service.autoconfigure;

import java.nio.file.Path;
import java.util.UUID;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.command.CommandRunner;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.image.ImageStore;
import dev.novaboot.service.record.Heartbeat;
import dev.novaboot.service.record.HeartbeatSchedule;
import dev.novaboot.service.schema.ModuleMigrations;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The Service part configured on its own over an in-memory database: the service record,
 * its heartbeat on the typed interval, the service group, the migrations and the command
 * runner; what an app may replace; what a missing binary does to start-up.
 */
class NovaServiceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
				TransactionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class,
				NovaServiceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:service-acr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=none", "nova.service.binary=nova-sample", "nova.service.topic=sample",
				"nova.host=acr-host", "nova.service.report-interval=1h");

	@Test
	void theServiceRecordHeartbeatServiceGroupAndMigrationsAreConfigured() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Heartbeat.class)
				.hasSingleBean(HeartbeatSchedule.class)
				.hasSingleBean(ServiceGroup.class)
				.hasSingleBean(ModuleMigrations.class)
				.hasSingleBean(CommandRunner.class);
			assertThat(context.getBean(ServiceIdentity.class))
				.isEqualTo(new ServiceIdentity("acr-host", "nova-sample", "sample", "nova"));
		});
	}

	@Test
	void anAppsOwnServiceGroupAndCommandRunnerReplaceTheStarters() {
		ServiceGroup group = mock(ServiceGroup.class);
		CommandRunner commands = mock(CommandRunner.class);
		this.runner.withBean(ServiceGroup.class, () -> group).withBean(CommandRunner.class, () -> commands)
			.run((context) -> {
				assertThat(context.getBean(ServiceGroup.class)).isSameAs(group);
				assertThat(context.getBean(CommandRunner.class)).isSameAs(commands);
			});
	}

	@Test
	void theImageStoreIsTheDirectoryOfNovaImageDirectory() {
		this.runner.run((context) -> assertThat(context.getBean(ImageStore.class).directory())
			.isEqualTo(Path.of("var/images").toAbsolutePath()));
		this.runner.withPropertyValues("nova.image.directory=/srv/images")
			.run((context) -> assertThat(context.getBean(ImageStore.class).directory()).isEqualTo(Path.of("/srv/images")));
	}

	@Test
	void withoutABinaryStartUpStopsNamingTheProperty() {
		this.runner.withPropertyValues("nova.service.binary=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("nova.service")
				.hasStackTraceContaining("binary"));
	}

}
