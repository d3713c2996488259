package dev.novaboot.service.rpc.amqp;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;

/**
 * The connection that calls' requests and replies (and fanouts) are published on: Spring
 * Boot's connection settings ({@code spring.rabbitmq.*}: addresses, credentials, TLS, the
 * heartbeat) without publisher confirms or returns.
 * <p>
 * A confirm is what a cast waits for, to know that the broker took it. A call needs none:
 * its reply says more than a confirm would, and a lost request ends in the call's timeout.
 * On one connection with confirms, every request and every reply was confirmed as well,
 * which cost about a fifth of the calls per second (BENCHMARKS.md, "Hot paths").
 * <p>
 * Not a bean of type {@link ConnectionFactory}: one would make Spring Boot leave out its
 * own, which the casts and the consumers use.
 */
public final class RpcCallConnection implements DisposableBean {

	private final ConnectionFactory factory;

	private final CachingConnectionFactory owned;

	private RpcCallConnection(ConnectionFactory factory, CachingConnectionFactory owned) {
		this.factory = factory;
		this.owned = owned;
	}

	/**
	 * @param shared Spring Boot's connection factory
	 * @param configurer Spring Boot's configurer of it, or {@code null} when Boot did not
	 * make the factory
	 * @return a connection of its own when {@code shared} confirms or returns what is
	 * published on it; else {@code shared} itself, which already publishes without waiting
	 */
	public static RpcCallConnection of(ConnectionFactory shared, CachingConnectionFactoryConfigurer configurer) {
		boolean confirming = shared.isPublisherConfirms() || shared.isSimplePublisherConfirms()
				|| shared.isPublisherReturns();
		if (!confirming || configurer == null || !(shared instanceof CachingConnectionFactory caching)) {
			return new RpcCallConnection(shared, null);
		}
		// the same underlying client factory: the same credentials, TLS, heartbeat and timeouts
		CachingConnectionFactory calls = new CachingConnectionFactory(caching.getRabbitConnectionFactory());
		configurer.configure(calls);
		calls.setPublisherConfirmType(ConfirmType.NONE);
		calls.setPublisherReturns(false);
		calls.setBeanName("rpcCallConnectionFactory");
		return new RpcCallConnection(calls, calls);
	}

	public ConnectionFactory factory() {
		return this.factory;
	}

	/** Whether calls have a connection of their own, apart from the casts'. */
	public boolean separate() {
		return this.owned != null;
	}

	@Override
	public void destroy() {
		if (this.owned != null) {
			this.owned.destroy();
		}
	}

}
