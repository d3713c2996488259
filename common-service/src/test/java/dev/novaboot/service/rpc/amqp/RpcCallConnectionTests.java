package dev.novaboot.service.rpc.amqp;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls get a connection of their own only when the shared one would make them wait for
 * the broker's confirms; it has the shared one's settings without the confirms.
 */
class RpcCallConnectionTests {

	@Test
	void aSharedConnectionWithoutConfirmsCarriesTheCallsItself() {
		CachingConnectionFactory shared = new CachingConnectionFactory("127.0.0.1", 5672);
		RpcCallConnection calls = RpcCallConnection.of(shared, configurer(new RabbitProperties()));
		assertThat(calls.separate()).isFalse();
		assertThat(calls.factory()).isSameAs(shared);
		shared.destroy();
	}

	@Test
	void aConfirmingSharedConnectionGivesCallsTheirOwnWithTheSameSettingsAndNoConfirms() throws Exception {
		// a stand-in for the broker: what matters is that the call connection knocks at its address
		ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		broker.setSoTimeout(10_000);
		RabbitProperties properties = new RabbitProperties();
		properties.setHost("127.0.0.1");
		properties.setPort(broker.getLocalPort());
		properties.setPublisherConfirmType(ConfirmType.CORRELATED);
		properties.setPublisherReturns(true);
		CachingConnectionFactory shared = new CachingConnectionFactory();
		configurer(properties).configure(shared);
		RpcCallConnection calls = RpcCallConnection.of(shared, configurer(properties));
		assertThat(calls.separate()).isTrue();
		assertThat(calls.factory().isPublisherConfirms()).isFalse();
		assertThat(calls.factory().isSimplePublisherConfirms()).isFalse();
		assertThat(calls.factory().isPublisherReturns()).isFalse();
		assertThat(((CachingConnectionFactory) calls.factory()).getRabbitConnectionFactory())
			.isSameAs(shared.getRabbitConnectionFactory());
		shared.getRabbitConnectionFactory().setHandshakeTimeout(500);
		Thread connecting = new Thread(() -> {
			try {
				calls.factory().createConnection();
			}
			catch (RuntimeException expected) {
				// the stand-in never answers the AMQP handshake
			}
		});
		connecting.start();
		try (Socket accepted = broker.accept()) {
			assertThat(accepted.isConnected()).isTrue();
		}
		connecting.join();
		broker.close();
		// the shared connection is left as it was: casts still wait for their confirms
		assertThat(shared.isPublisherConfirms()).isTrue();
		calls.destroy();
		shared.destroy();
	}

	@Test
	void withoutSpringBootsConfigurerCallsUseTheSharedConnection() {
		CachingConnectionFactory shared = new CachingConnectionFactory("127.0.0.1", 5672);
		shared.setPublisherConfirmType(ConfirmType.CORRELATED);
		assertThat(RpcCallConnection.of(shared, null).factory()).isSameAs(shared);
		shared.destroy();
	}

	private static CachingConnectionFactoryConfigurer configurer(RabbitProperties properties) {
		return new CachingConnectionFactoryConfigurer(properties);
	}

}
