package dev.novaboot.service.rpc.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The HMAC check that the {@code http} transport puts in front of every RPC.
 */
class RpcSignerTests {

	private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

	private final RpcSigner receiver = new RpcSigner("the-shared-secret-0123", Duration.ofSeconds(60),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final byte[] body = "{\"method\":\"note\"}".getBytes(StandardCharsets.UTF_8);

	private RpcSigner senderAt(Instant at) {
		return new RpcSigner("the-shared-secret-0123", Duration.ofSeconds(60), Clock.fixed(at, ZoneOffset.UTC));
	}

	private void verify(String path, byte[] body, HttpHeaders headers) {
		this.receiver.verify(path, body, headers.getFirst(RpcSigner.TIMESTAMP), headers.getFirst(RpcSigner.NONCE),
				headers.getFirst(RpcSigner.SIGNATURE));
	}

	@Test
	void acceptsAMessageSignedWithTheSecretWithinTheWindowBothWays() {
		assertThatNoException().isThrownBy(() -> verify("/rpc/v1/call", this.body,
				senderAt(NOW.minusSeconds(59)).sign("/rpc/v1/call", this.body)));
		// a sender whose clock runs ahead is accepted within the window too
		assertThatNoException().isThrownBy(() -> verify("/rpc/v1/call", this.body,
				senderAt(NOW.plusSeconds(59)).sign("/rpc/v1/call", this.body)));
	}

	@Test
	void refusesMessagesOutsideTheReplayWindow() {
		assertThatExceptionOfType(RpcSigner.BadSignatureException.class)
			.isThrownBy(() -> verify("/rpc/v1/call", this.body, senderAt(NOW.minusSeconds(61)).sign("/rpc/v1/call", this.body)))
			.withMessageContaining("stale");
		assertThatExceptionOfType(RpcSigner.BadSignatureException.class)
			.isThrownBy(() -> verify("/rpc/v1/call", this.body, senderAt(NOW.plusSeconds(61)).sign("/rpc/v1/call", this.body)))
			.withMessageContaining("stale");
	}

	@Test
	void refusesAChangedBodyPathOrTimestamp() {
		HttpHeaders headers = senderAt(NOW).sign("/rpc/v1/call", this.body);
		assertThatExceptionOfType(RpcSigner.BadSignatureException.class)
			.isThrownBy(() -> verify("/rpc/v1/call", "{\"method\":\"wipe\"}".getBytes(StandardCharsets.UTF_8), headers));
		assertThatExceptionOfType(RpcSigner.BadSignatureException.class)
			.isThrownBy(() -> verify("/rpc/v1/cast", this.body, headers));
		HttpHeaders moved = new HttpHeaders();
		moved.addAll(headers);
		moved.set(RpcSigner.TIMESTAMP, Long.toString(NOW.toEpochMilli() + 1));
		assertThatExceptionOfType(RpcSigner.BadSignatureException.class)
			.isThrownBy(() -> verify("/rpc/v1/call", this.body, moved))
			.withMessageContaining("bad signature");
	}

	@Test
	void refusesAReplayedNonce() {
		HttpHeaders headers = senderAt(NOW).sign("/rpc/v1/call", this.body);
		verify("/rpc/v1/call", this.body, headers);
		assertThatExceptionOfType(RpcSigner.BadSignatureException.class)
			.isThrownBy(() -> verify("/rpc/v1/call", this.body, headers))
			.withMessageContaining("replayed");
	}

	@Test
	void refusesUnsignedMessages() {
		assertThatExceptionOfType(RpcSigner.BadSignatureException.class)
			.isThrownBy(() -> verify("/rpc/v1/call", this.body, new HttpHeaders()))
			.withMessageContaining("unsigned");
	}

}
