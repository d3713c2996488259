package dev.novaboot.compute.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.novaboot.compute.ComputeApplication;
import dev.novaboot.compute.driver.FakeComputeDriver;
import dev.novaboot.compute.manager.LocalNetworkAllocator;
import dev.novaboot.compute.manager.LocalVolumeConnector;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Two nova-compute hosts in one JVM, each a real app with its own web server, manager and
 * fake driver, sharing one in-memory database as the hosts of a suite share theirs, and
 * reaching each other over signed RPC on loopback. The second host uses the first one's
 * in-process network and volume stand-ins, so that both see one nova-network and one
 * nova-volume, as real hosts do.
 */
final class TwoComputeHosts implements AutoCloseable {

	static final String FIRST = "mig-host-a";

	static final String SECOND = "mig-host-b";

	private final List<ConfigurableApplicationContext> started = new ArrayList<>();

	private final ConfigurableApplicationContext first;

	private final ConfigurableApplicationContext second;

	TwoComputeHosts(String database) {
		this.first = start(FIRST, database, null);
		this.second = start(SECOND, database, this.first);
	}

	private ConfigurableApplicationContext start(String host, String database, ConfigurableApplicationContext shared) {
		List<String> args = new ArrayList<>(List.of("--nova.host=" + host, "--server.port=0",
				// the made-up host names do not resolve: the hosts reach each other on loopback
				"--nova.rpc.http.advertised-host=127.0.0.1",
				"--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1", "--spring.jmx.enabled=false",
				"--spring.main.banner-mode=off"));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(ComputeApplication.class);
		if (shared != null) {
			args.add("--nova.compute.local.enabled=false");
			LocalNetworkAllocator network = shared.getBean(LocalNetworkAllocator.class);
			LocalVolumeConnector volumes = shared.getBean(LocalVolumeConnector.class);
			builder.initializers((context) -> {
				GenericApplicationContext generic = (GenericApplicationContext) context;
				generic.registerBean(LocalNetworkAllocator.class, () -> network, (bean) -> bean.setPrimary(true));
				generic.registerBean(LocalVolumeConnector.class, () -> volumes, (bean) -> bean.setPrimary(true));
			});
		}
		ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
		this.started.add(context);
		return context;
	}

	ConfigurableApplicationContext host(String name) {
		return FIRST.equals(name) ? this.first : this.second;
	}

	static String other(String name) {
		return FIRST.equals(name) ? SECOND : FIRST;
	}

	FakeComputeDriver driver(String host) {
		return host(host).getBean(FakeComputeDriver.class);
	}

	LocalNetworkAllocator network() {
		return this.first.getBean(LocalNetworkAllocator.class);
	}

	LocalVolumeConnector volumes() {
		return this.first.getBean(LocalVolumeConnector.class);
	}

	/** A client of the first host's API (either host's API reaches every host). */
	TestRestTemplate http() {
		int port = ((WebServerApplicationContext) this.first).getWebServer().getPort();
		return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://127.0.0.1:" + port));
	}

	@Override
	public void close() {
		this.started.forEach(ConfigurableApplicationContext::close);
	}

	/** A 4 KiB volume file the volume stand-in connects, named by the new volume's id. */
	static String volumeFile() throws IOException {
		String volume = UUID.randomUUID().toString();
		Path file = Path.of("target/test-volumes/volume-" + volume);
		Files.createDirectories(file.getParent());
		Files.write(file, new byte[4096]);
		return volume;
	}

}
