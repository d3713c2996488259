package dev.novaboot.service.testsupport;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts an app that must fail to start, the way an operator would with
 * {@code java -jar app.jar --some.property=...}; what the operator sees is the failure
 * report Spring Boot prints, which the caller reads from the captured output.
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	public static void assertStartupFails(Class<?> application, String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--spring.datasource.url=jdbc:h2:mem:startup-failure-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		System.arraycopy(args, 0, all, 2, args.length);
		assertThatThrownBy(() -> new SpringApplicationBuilder(application).run(all).close())
			.isInstanceOf(RuntimeException.class);
	}

}
