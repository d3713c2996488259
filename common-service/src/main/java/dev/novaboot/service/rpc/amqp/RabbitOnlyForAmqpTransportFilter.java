package dev.novaboot.service.rpc.amqp;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out Spring Boot's RabbitMQ auto-configuration (connection factory, template,
 * {@code rabbit} health, metrics) unless {@code nova.rpc.transport=amqp}: the starter
 * ships Spring AMQP for that transport, and with the default {@code http} transport an
 * app must neither try to reach a broker nor report a DOWN {@code rabbit} component.
 */
public class RabbitOnlyForAmqpTransportFilter implements AutoConfigurationImportFilter, EnvironmentAware {

	private static final String RABBIT_AUTO_CONFIGURATION = "org.springframework.boot.amqp.autoconfigure.";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
		boolean amqp = "amqp".equalsIgnoreCase(this.environment.getProperty("nova.rpc.transport", "http").trim());
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			String name = autoConfigurationClasses[i];
			matches[i] = amqp || name == null || !name.startsWith(RABBIT_AUTO_CONFIGURATION);
		}
		return matches;
	}

}
