package dev.novaboot.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.novaboot.service.testsupport.HostTools;

/**
 * The OpenStack command-line client from Debian ({@code python3-openstackclient}, which
 * {@code .ci/run} installs) pointed at the running suite, as a user runs it: a password
 * login at the identity URL, everything else through the token's catalog. The password
 * goes in the environment, never on the command line.
 */
final class OpenStackCli {

	private static final Path BINARY = Path.of("/usr/bin/openstack");

	private final Map<String, String> environment;

	private OpenStackCli(Map<String, String> environment) {
		this.environment = environment;
	}

	/** The client as {@code user} of {@code project} in the Default domain; skipped (failed in CI) without it. */
	static OpenStackCli as(SuiteProcess identity, String user, String password, String project) {
		HostTools.require(Files.isExecutable(BINARY), "the OpenStack CLI (apt-get install python3-openstackclient)");
		return new OpenStackCli(Map.of("OS_AUTH_URL", identity.url("/identity/v3").toString(), "OS_USERNAME", user,
				"OS_PASSWORD", password, "OS_PROJECT_NAME", project, "OS_USER_DOMAIN_NAME", "Default",
				"OS_PROJECT_DOMAIN_NAME", "Default", "OS_REGION_NAME", "RegionOne", "OS_IDENTITY_API_VERSION", "3"));
	}

	/** Runs {@code openstack <arguments>}; the command must exit 0. */
	Result run(String... arguments) {
		Result result = attempt(arguments);
		if (result.exitCode() != 0) {
			throw new AssertionError("openstack " + String.join(" ", arguments) + " exited " + result.exitCode()
					+ ":\n" + result.stderr() + result.stdout());
		}
		return result;
	}

	/** Runs {@code openstack <arguments> -f json} and reads its output. */
	DocumentContext json(String... arguments) {
		List<String> withFormat = new ArrayList<>(List.of(arguments));
		withFormat.addAll(List.of("-f", "json"));
		return JsonPath.parse(run(withFormat.toArray(String[]::new)).stdout());
	}

	/** Runs {@code openstack <arguments>} whatever its exit code. */
	Result attempt(String... arguments) {
		List<String> command = new ArrayList<>(List.of(BINARY.toString()));
		command.addAll(List.of(arguments));
		try {
			Path out = Files.createTempFile("openstack", ".out");
			Path err = Files.createTempFile("openstack", ".err");
			try {
				ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
					.redirectError(err.toFile());
				builder.environment().keySet().removeIf((name) -> name.startsWith("OS_"));
				builder.environment().putAll(this.environment);
				Process process = builder.start();
				if (!process.waitFor(120, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new AssertionError("openstack " + String.join(" ", arguments) + " did not end in 120 s");
				}
				return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
						Files.readString(err, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	record Result(int exitCode, String stdout, String stderr) {
	}

}
