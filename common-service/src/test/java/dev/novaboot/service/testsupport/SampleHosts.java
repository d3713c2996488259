package dev.novaboot.service.testsupport;

import java.util.ArrayList;
import java.util.List;

import dev.novaboot.sample.SampleManager;
import dev.novaboot.sample.SampleServiceApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several hosts of the sample service in one JVM, each a real Spring Boot app with its
 * own web server on a free port, sharing one in-memory database as the hosts of a suite
 * share theirs.
 */
public final class SampleHosts implements AutoCloseable {

	private final String database;

	private final List<String> arguments;

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	/**
	 * @param database the name of the shared in-memory H2 database
	 * @param arguments command-line arguments for every host, such as
	 * {@code --nova.rpc.transport=amqp}
	 */
	public SampleHosts(String database, String... arguments) {
		this.database = database;
		this.arguments = List.of(arguments);
	}

	/** Starts the sample service as host {@code host}. */
	public ConfigurableApplicationContext start(String host) {
		List<String> args = new ArrayList<>(List.of("--nova.host=" + host, "--server.port=0",
				// the made-up host names do not resolve: others reach every host on loopback
				"--nova.rpc.http.advertised-host=127.0.0.1",
				"--spring.datasource.url=jdbc:h2:mem:" + this.database + ";DB_CLOSE_DELAY=-1",
				"--spring.jmx.enabled=false", "--spring.main.banner-mode=off"));
		args.addAll(this.arguments);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleServiceApplication.class)
			.run(args.toArray(String[]::new));
		this.started.add(context);
		return context;
	}

	public static SampleManager manager(ConfigurableApplicationContext host) {
		return host.getBean(SampleManager.class);
	}

	@Override
	public void close() {
		this.started.forEach(ConfigurableApplicationContext::close);
	}

}
