package dev.novaboot.service.rpc.http;

import java.time.Clock;

import io.micrometer.observation.ObservationPredicate;

import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcDispatcher;
import dev.novaboot.service.rpc.RpcProperties;
import dev.novaboot.service.rpc.RpcTargetCache;
import dev.novaboot.service.rpc.RpcTargets;
import dev.novaboot.service.rpc.RpcTransport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The {@code http} transport ({@code nova.rpc.transport=http}, the default): the client
 * everywhere, and the signed {@code /rpc/**} endpoint in web apps.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nova.rpc.transport", havingValue = "http", matchIfMissing = true)
public class HttpRpcConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RpcSigner rpcSigner(RpcProperties properties) {
		String secret = properties.secret();
		if (secret == null || secret.isBlank()) {
			throw new MissingRpcSecretException("is not set");
		}
		if (secret.strip().length() < MissingRpcSecretException.MINIMUM_LENGTH) {
			throw new MissingRpcSecretException("is shorter than " + MissingRpcSecretException.MINIMUM_LENGTH
					+ " characters");
		}
		return new RpcSigner(secret.strip(), properties.http().replayWindow(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(RpcTransport.class)
	RpcTransport httpRpcTransport(RpcProperties properties, RpcTargets targets, RpcTargetCache targetCache,
			RpcSigner signer, RpcCodec codec) {
		return new HttpRpcTransport(properties.http().connectTimeout(), properties.callTimeout(), targets, targetCache,
				signer, codec);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Endpoint {

		@Bean
		HttpRpcEndpoint httpRpcEndpoint(RpcDispatcher dispatcher, RpcCodec codec, RpcProperties properties,
				RpcSigner signer) {
			return new HttpRpcEndpoint(dispatcher, codec, castExecutor(properties), signer);
		}

		/**
		 * A servlet of its own rather than a controller: RPC needs none of Spring MVC's
		 * dispatch, and the app's filters (body limit, firewall) apply to every servlet.
		 */
		@Bean
		ServletRegistrationBean<HttpRpcServlet> httpRpcServlet(ObjectProvider<HttpRpcEndpoint> endpoint) {
			ServletRegistrationBean<HttpRpcServlet> registration = new ServletRegistrationBean<>(
					new HttpRpcServlet(endpoint::getObject), HttpRpcServlet.mappings());
			registration.setName("novaRpc");
			registration.setLoadOnStartup(1);
			return registration;
		}

		/**
		 * RPC messages are timed by {@code RpcObserver} ({@code nova.rpc}, per method and
		 * outcome); an {@code http.server.requests} observation of each (with no URI pattern
		 * outside Spring MVC) would only cost.
		 */
		@Bean
		ObservationPredicate rpcMessagesAreNotHttpServerRequests() {
			return (name, context) -> !(context instanceof ServerRequestObservationContext server
					&& HttpRpcServlet.serves(server.getCarrier()));
		}

		/**
		 * Not a bean: an {@code Executor} bean would make Spring Boot drop the app's own
		 * {@code applicationTaskExecutor}. The endpoint shuts it down.
		 */
		private static ThreadPoolTaskExecutor castExecutor(RpcProperties properties) {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(properties.server().threads());
			executor.setMaxPoolSize(properties.server().threads());
			executor.setQueueCapacity(properties.server().queueCapacity());
			executor.setThreadNamePrefix("nova-rpc-");
			// casts accepted before shutdown still run: the sender was told they would
			executor.setWaitForTasksToCompleteOnShutdown(true);
			executor.setAwaitTerminationSeconds(10);
			executor.initialize();
			return executor;
		}

	}

}
