package dev.novaboot.compute.api;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.novaboot.compute.store.KeyType;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.Names;

/**
 * Reads {@code POST /os-keypairs} bodies as Nova's {@code schemas/keypairs.py} defines them
 * at each microversion: {@code name} and {@code public_key} at 2.1, {@code type} from 2.2,
 * {@code user_id} from 2.10; nothing else.
 */
final class KeypairRequests {

	// parameter_types.keypair_name_special_chars
	private static final Pattern NAME = Pattern.compile("[_\\- a-zA-Z0-9]+");

	private KeypairRequests() {
	}

	/** A create (or import, with a public key) request; {@code userId} null for the caller's own. */
	record CreateKeypair(String name, KeyType type, String publicKey, String userId) {
	}

	@SuppressWarnings("unchecked")
	static CreateKeypair create(Map<String, Object> body, Microversion version) {
		for (String field : body.keySet()) {
			if (!field.equals("keypair")) {
				throw additional("body", field);
			}
		}
		if (!(body.get("keypair") instanceof Map<?, ?> raw)) {
			throw new BadRequestException("The request body must be an object with \"keypair\": {...}.");
		}
		Map<String, Object> keypair = (Map<String, Object>) raw;
		Set<String> allowed = version.isAtLeast(2, 10) ? Set.of("name", "public_key", "type", "user_id")
				: version.isAtLeast(2, 2) ? Set.of("name", "public_key", "type") : Set.of("name", "public_key");
		for (String field : keypair.keySet()) {
			if (!allowed.contains(field)) {
				throw additional("keypair", field);
			}
		}
		if (!keypair.containsKey("name")) {
			throw new BadRequestException("Invalid input for field/attribute keypair. 'name' is a required property");
		}
		return new CreateKeypair(name(keypair.get("name")), type(keypair),
				optionalString(keypair, "public_key"), optionalString(keypair, "user_id"));
	}

	private static String name(Object value) {
		if (!(value instanceof String name)) {
			throw invalid("name", value, "It is not of type 'string'.");
		}
		if (name.isEmpty() || name.length() > ServerRequests.MAX_TEXT) {
			throw invalid("name", name, "It must be 1 to " + ServerRequests.MAX_TEXT + " characters.");
		}
		if (!Names.isValid(name)) {
			throw new BadRequestException("An invalid 'name' value was provided. The name must be: " + Names.RULE);
		}
		if (!NAME.matcher(name).matches()) {
			throw invalid("name", name, "'" + ServerRequests.shown(name) + "' does not match '^[_\\- a-zA-Z0-9]+$'");
		}
		return name;
	}

	private static KeyType type(Map<String, Object> keypair) {
		if (!keypair.containsKey("type")) {
			return KeyType.SSH;
		}
		Object value = keypair.get("type");
		if (!(value instanceof String word)) {
			throw invalid("type", value, "It is not of type 'string'.");
		}
		return KeyType.of(word)
			.orElseThrow(() -> invalid("type", word, "'" + ServerRequests.shown(word) + "' is not one of ['ssh', 'x509']"));
	}

	private static String optionalString(Map<String, Object> keypair, String field) {
		if (!keypair.containsKey(field)) {
			return null;
		}
		Object value = keypair.get(field);
		if (!(value instanceof String text)) {
			throw invalid(field, value, "It is not of type 'string'.");
		}
		return text;
	}

	private static BadRequestException additional(String object, String field) {
		return new BadRequestException("Invalid input for field/attribute " + object
				+ ". Additional properties are not allowed ('" + ServerRequests.shown(field) + "' was unexpected)");
	}

	private static BadRequestException invalid(String field, Object value, String reason) {
		return new BadRequestException("Invalid input for field/attribute " + field + ". Value: "
				+ ServerRequests.shown(String.valueOf(value)) + ". " + reason);
	}

}
