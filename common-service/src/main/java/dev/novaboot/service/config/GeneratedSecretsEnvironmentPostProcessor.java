package dev.novaboot.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.novaboot.service.files.H2FileDatabase;
import dev.novaboot.service.files.OwnerOnlyFiles;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the suite start with no configuration at all: where the secret that signs RPC
 * messages ({@code nova.rpc.secret}) or the key that signs tokens
 * ({@code nova.auth.token-key}) is not configured and the suite runs on its embedded
 * database, each is read from a file of the database's directory ({@code var/rpc-secret},
 * {@code var/token-key}), made once, owner-only, by whichever app of the directory starts
 * first. Every app of the directory then shares them, as it shares the database.
 * <p>
 * Files rather than rows of the shared database: the secrets are needed before the
 * database is open (the RPC endpoint and the token filter are built with them), an
 * operator copies them to other hosts from a file, and a file can be owner-only where a
 * table is readable by whoever has the database's credentials.
 * <p>
 * On an external database nothing is made unless {@code nova.secrets.generate=true}: apps
 * of several hosts would each make their own and could never talk to each other.
 */
class GeneratedSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String RPC_SECRET = "nova.rpc.secret";

	static final String TOKEN_KEY = "nova.auth.token-key";

	private final Log logger;

	private final OwnerOnlyFiles files = new OwnerOnlyFiles();

	private final SecureRandom random = new SecureRandom();

	GeneratedSecretsEnvironmentPostProcessor(DeferredLogFactory logs) {
		this.logger = logs.getLog(GeneratedSecretsEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// after the suite defaults, which bring the embedded database's URL
		return Ordered.LOWEST_PRECEDENCE - 5;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		SecretsProperties secrets = Binder.get(environment)
			.bind("nova.secrets", Bindable.of(SecretsProperties.class))
			.orElse(new SecretsProperties(null, null));
		Optional<H2FileDatabase> embedded = H2FileDatabase.of(environment.getProperty("spring.datasource.url"));
		boolean generate = (secrets.generate() != null) ? secrets.generate() : embedded.isPresent();
		if (!generate) {
			return;
		}
		Path directory = (secrets.directory() != null) ? secrets.directory()
				: embedded.map(H2FileDatabase::directory).orElse(Path.of("var"));
		Map<String, Object> generated = new LinkedHashMap<>();
		if (unset(environment, RPC_SECRET) && "http".equalsIgnoreCase(environment.getProperty("nova.rpc.transport", "http"))) {
			generated.put(RPC_SECRET, readOrCreate(directory.resolve("rpc-secret"), () -> hex(32)));
		}
		if (unset(environment, TOKEN_KEY) && "token".equalsIgnoreCase(environment.getProperty("nova.auth.strategy", "token"))) {
			generated.put(TOKEN_KEY, readOrCreate(directory.resolve("token-key"), () -> base64(48)));
		}
		if (!generated.isEmpty()) {
			// last: anything the operator configures, however, wins
			environment.getPropertySources().addLast(new MapPropertySource("novaGeneratedSecrets", generated));
		}
	}

	private static boolean unset(ConfigurableEnvironment environment, String property) {
		String value = environment.getProperty(property);
		return value == null || value.isBlank();
	}

	/**
	 * The secret in {@code file}, made first if there is none. Apps that start together
	 * race to make it: each writes its own candidate under a temporary name and links it
	 * to the real name, which only one link can take; every app then reads the winner's.
	 */
	private String readOrCreate(Path file, Supplier<String> secret) {
		try {
			this.files.directory(file.toAbsolutePath().getParent());
			if (!Files.exists(file)) {
				Path candidate = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
				try {
					this.files.restrict(candidate);
					Files.writeString(candidate, secret.get() + "\n", StandardCharsets.UTF_8);
					Files.createLink(file, candidate);
					this.logger.info("Generated " + file.getFileName() + " into " + file
							+ " (owner-only; give the same to services on other hosts)");
				}
				catch (FileAlreadyExistsException ex) {
					// another app of the directory made it first: use that one
				}
				finally {
					Files.deleteIfExists(candidate);
				}
			}
			this.files.restrict(file);
			String value = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (value.isEmpty()) {
				throw new IllegalStateException(file + " is empty; remove it to have a new secret made, "
						+ "or give the secret in the configuration");
			}
			return value;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the secret file " + file, ex);
		}
	}

	private String hex(int bytes) {
		return HexFormat.of().formatHex(randomBytes(bytes));
	}

	private String base64(int bytes) {
		return Base64.getEncoder().encodeToString(randomBytes(bytes));
	}

	private byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		this.random.nextBytes(bytes);
		return bytes;
	}

}
