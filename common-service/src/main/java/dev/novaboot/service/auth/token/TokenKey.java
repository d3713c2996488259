package dev.novaboot.service.auth.token;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key shared by every app of the suite, which signs tokens where they
 * are issued and checks them wherever they are presented.
 */
public final class TokenKey {

	/** HS256 needs a key at least as long as its hash (RFC 7518, section 3.2). */
	static final int MINIMUM_BYTES = 32;

	private final SecretKey key;

	private TokenKey(SecretKey key) {
		this.key = key;
	}

	/**
	 * The key from {@code nova.auth.token-key}.
	 * @throws MissingTokenKeyException when it is unset or shorter than 32 bytes
	 */
	public static TokenKey of(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new MissingTokenKeyException("nova.auth.token-key is not set: the token strategy needs a secret "
					+ "key, shared by every app of the suite, to sign and check tokens.");
		}
		byte[] bytes = secret.trim().getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MINIMUM_BYTES) {
			throw new MissingTokenKeyException("nova.auth.token-key is " + bytes.length + " bytes long; it must be at least "
					+ MINIMUM_BYTES + " bytes (HMAC-SHA256).");
		}
		return new TokenKey(new SecretKeySpec(bytes, "HmacSHA256"));
	}

	SecretKey secretKey() {
		return this.key;
	}

}
