package dev.novaboot.service.rpc;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.rpc.http.HttpRpcEndpoint;
import dev.novaboot.service.rpc.http.MissingRpcSecretException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * RPC configured on its own, with the service layer it stands on given as plain beans:
 * the http transport by default (and its endpoint only in a web app), the secret it needs,
 * and the parts an app may replace.
 */
class NovaRpcAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NovaRpcAutoConfiguration.class))
		.withBean(ServiceRecordRepository.class, () -> mock(ServiceRecordRepository.class))
		.withBean(ServiceGroup.class, () -> mock(ServiceGroup.class))
		.withBean(DatabaseClock.class, () -> mock(DatabaseClock.class))
		.withBean(ServiceIdentity.class, () -> new ServiceIdentity("host-a", "nova-sample", "sample", "nova"))
		.withPropertyValues("nova.rpc.secret=a-secret-of-sixteen-or-more-characters");

	@Test
	void theHttpTransportIsTheDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(Rpc.class).hasSingleBean(RpcDispatcher.class);
			assertThat(context.getBean(RpcTransport.class).getClass().getSimpleName()).isEqualTo("HttpRpcTransport");
			assertThat(context).doesNotHaveBean(HttpRpcEndpoint.class);
		});
	}

	@Test
	void aWebAppAlsoServesTheSignedEndpoint() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(NovaRpcAutoConfiguration.class))
			.withBean(ServiceRecordRepository.class, () -> mock(ServiceRecordRepository.class))
			.withBean(ServiceGroup.class, () -> mock(ServiceGroup.class))
			.withBean(DatabaseClock.class, () -> mock(DatabaseClock.class))
			.withBean(ServiceIdentity.class, () -> new ServiceIdentity("host-a", "nova-sample", "sample", "nova"))
			.withPropertyValues("nova.rpc.secret=a-secret-of-sixteen-or-more-characters")
			.run((context) -> assertThat(context).hasSingleBean(HttpRpcEndpoint.class));
	}

	@Test
	void withoutASecretTheHttpTransportStopsStartUp() {
		this.runner.withPropertyValues("nova.rpc.secret=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(MissingRpcSecretException.class));
	}

	@Test
	void anAppsOwnTransportChooserAndCodecReplaceTheStarters() {
		RpcTransport transport = mock(RpcTransport.class);
		RpcTargetChooser chooser = mock(RpcTargetChooser.class);
		this.runner.withBean(RpcTransport.class, () -> transport)
			.withBean(RpcTargetChooser.class, () -> chooser)
			.run((context) -> {
				assertThat(context.getBean(RpcTransport.class)).isSameAs(transport);
				assertThat(context.getBean(RpcTargetChooser.class)).isSameAs(chooser);
				assertThat(context).doesNotHaveBean(LeastRecentlyUsedChooser.class);
			});
	}

}
