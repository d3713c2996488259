package dev.novaboot.service.rpc.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpHeaders;

/**
 * Signs and checks RPC messages of the {@code http} transport with the suite's shared
 * secret: HMAC-SHA256 over the timestamp, a nonce, the request path and the body. A
 * message is accepted only with a valid signature, a timestamp within the replay window
 * of this host's clock, and a nonce not seen before (so a captured message cannot be
 * played again, nor a cast replayed as a call).
 */
public class RpcSigner {

	public static final String TIMESTAMP = "X-Nova-Rpc-Timestamp";

	public static final String NONCE = "X-Nova-Rpc-Nonce";

	public static final String SIGNATURE = "X-Nova-Rpc-Signature";

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	private final Clock clock;

	private final Duration replayWindow;

	private final NonceCache nonces;

	// a Mac is not thread-safe, and looking one up from the providers costs more than the HMAC
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	public RpcSigner(String secret, Duration replayWindow, Clock clock) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.clock = clock;
		this.replayWindow = replayWindow;
		this.nonces = new NonceCache(replayWindow);
	}

	/** The headers that authenticate {@code body} sent to {@code path}. */
	public HttpHeaders sign(String path, byte[] body) {
		Signature signature = signature(path, body);
		HttpHeaders headers = new HttpHeaders();
		headers.set(TIMESTAMP, signature.timestamp());
		headers.set(NONCE, signature.nonce());
		headers.set(SIGNATURE, signature.value());
		return headers;
	}

	/** What authenticates {@code body} sent to {@code path}: the values of the three headers. */
	public Signature signature(String path, byte[] body) {
		String timestamp = Long.toString(this.clock.millis());
		String nonce = UUID.randomUUID().toString();
		return new Signature(timestamp, nonce, signature(timestamp, nonce, path, body));
	}

	/**
	 * Checks a received message.
	 * @throws BadSignatureException saying what is wrong
	 */
	public void verify(String path, byte[] body, String timestamp, String nonce, String signature) {
		if (timestamp == null || nonce == null || signature == null) {
			throw new BadSignatureException("unsigned message: headers " + TIMESTAMP + ", " + NONCE + " and "
					+ SIGNATURE + " are required");
		}
		long sentAt;
		try {
			sentAt = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			throw new BadSignatureException("malformed " + TIMESTAMP);
		}
		byte[] expected = signature(timestamp, nonce, path, body).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			throw new BadSignatureException("bad signature (is nova.rpc.secret the same on every service?)");
		}
		long now = this.clock.millis();
		if (Math.abs(now - sentAt) > this.replayWindow.toMillis()) {
			throw new BadSignatureException("stale message: sent " + (now - sentAt) + " ms ago, outside the replay window of "
					+ this.replayWindow + " (are the hosts' clocks in sync?)");
		}
		if (!this.nonces.firstUse(nonce, sentAt)) {
			throw new BadSignatureException("replayed message: nonce already used");
		}
	}

	private String signature(String timestamp, String nonce, String path, byte[] body) {
		Mac mac = this.macs.get();
		mac.update(("nova-rpc-v1\n" + timestamp + "\n" + nonce + "\n" + path + "\n").getBytes(StandardCharsets.UTF_8));
		// doFinal leaves the Mac initialized with the key, ready for the next message
		return Base64.getEncoder().encodeToString(mac.doFinal(body));
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** The values of the headers {@link #TIMESTAMP}, {@link #NONCE} and {@link #SIGNATURE}. */
	public record Signature(String timestamp, String nonce, String value) {
	}

	/** A message that must not run: unsigned, forged, stale or replayed. */
	public static class BadSignatureException extends RuntimeException {

		public BadSignatureException(String message) {
			super(message);
		}

	}

}
