package dev.novaboot.service.rpc;

import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.autoconfigure.NovaServiceAutoConfiguration;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.manager.Manager;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.rpc.amqp.AmqpRpcConfiguration;
import dev.novaboot.service.rpc.http.HttpRpcConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * RPC between the suite's services: the {@link Rpc} client that managers inject, the
 * dispatcher that runs received messages on this app's manager, and the transport chosen
 * by {@code nova.rpc.transport} ({@code http} or {@code amqp}).
 */
@AutoConfiguration(after = NovaServiceAutoConfiguration.class,
		afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@EnableConfigurationProperties(RpcProperties.class)
@Import({ HttpRpcConfiguration.class, AmqpRpcConfiguration.class })
public final class NovaRpcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RpcCodec rpcCodec() {
		return new RpcCodec();
	}

	@Bean
	@ConditionalOnMissingBean
	RpcObserver rpcObserver(ObjectProvider<MeterRegistry> registry) {
		return new RpcObserver(registry.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RpcTargetChooser rpcTargetChooser() {
		return new LeastRecentlyUsedChooser();
	}

	@Bean
	@ConditionalOnMissingBean
	RpcTargets rpcTargets(ServiceRecordRepository repository, ServiceGroup serviceGroup,
			DatabaseClock databaseClock, RpcTargetChooser rpcTargetChooser) {
		return new RpcTargets(repository, serviceGroup, databaseClock, rpcTargetChooser);
	}

	@Bean
	@ConditionalOnMissingBean
	RpcTargetCache rpcTargetCache(RpcTargets rpcTargets, ServiceGroup serviceGroup, DatabaseClock databaseClock,
			RpcProperties properties) {
		return new RpcTargetCache(rpcTargets, serviceGroup, databaseClock, properties.targetCacheTtl(), System::nanoTime);
	}

	@Bean
	@ConditionalOnMissingBean
	RpcDispatcher rpcDispatcher(ObjectProvider<Manager> managers, RpcCodec rpcCodec, RpcObserver rpcObserver,
			ServiceIdentity serviceIdentity) {
		return new RpcDispatcher(managers.orderedStream().toList(), rpcCodec, rpcObserver, serviceIdentity.host());
	}

	@Bean
	@ConditionalOnMissingBean
	Rpc rpc(RpcTransport rpcTransport, RpcCodec rpcCodec, RpcObserver rpcObserver, RpcProperties properties) {
		return new Rpc(rpcTransport, rpcCodec, rpcObserver, properties.callTimeout());
	}

}
