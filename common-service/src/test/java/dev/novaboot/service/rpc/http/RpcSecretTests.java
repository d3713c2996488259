package dev.novaboot.service.rpc.http;

import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcProperties;
import dev.novaboot.service.rpc.RpcTargetCache;
import dev.novaboot.service.rpc.RpcTargets;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret in the repository: a service with the {@code http} transport and no usable
 * {@code nova.rpc.secret} does not start, and says which property to set.
 */
class RpcSecretTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(HttpTransportOnly.class)
		.withBean(RpcTargets.class, () -> new RpcTargets(null, null, null, null))
		.withBean(RpcTargetCache.class, () -> new RpcTargetCache(null, null, null, java.time.Duration.ZERO, System::nanoTime))
		.withBean(RpcCodec.class);

	@Test
	void missingSecretStopsStartUpNamingTheProperty() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).rootCause().isInstanceOf(MissingRpcSecretException.class)
				.hasMessageContaining("nova.rpc.secret is not set");
			FailureAnalysis analysis = new MissingRpcSecretFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("nova.rpc.secret");
			assertThat(analysis.getAction()).contains("var/rpc-secret");
		});
	}

	@Test
	void shortSecretStopsStartUp() {
		this.runner.withPropertyValues("nova.rpc.secret=short").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MissingRpcSecretException.class)
				.hasMessageContaining("shorter than 16");
		});
	}

	@Test
	void secretMakesTheTransport() {
		this.runner.withPropertyValues("nova.rpc.secret=a-long-enough-secret-for-hmac").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(HttpRpcTransport.class).hasSingleBean(RpcSigner.class);
		});
	}

	@Test
	void amqpTransportNeedsNoSecret() {
		this.runner.withPropertyValues("nova.rpc.transport=amqp").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(RpcSigner.class).doesNotHaveBean(HttpRpcTransport.class);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RpcProperties.class)
	@Import(HttpRpcConfiguration.class)
	static class HttpTransportOnly {

	}

}
