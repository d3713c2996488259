package dev.novaboot.service.rpc.http;

import java.util.concurrent.RejectedExecutionException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcDispatcher;
import dev.novaboot.service.rpc.RpcMessage;
import dev.novaboot.service.rpc.RpcRefusedException;
import dev.novaboot.service.rpc.RpcReply;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The receiving end of the {@code http} transport on the app's web port, served by the
 * {@link HttpRpcServlet}. It checks each message's signature itself, after routing,
 * against the path it serves rather than the path the request spelled: however a path is
 * written, a request that reaches the dispatcher was signed for it, and one that is
 * routed elsewhere never reaches it. An unsigned, forged, stale or replayed message gets
 * 401 in Keystone's error shape and is logged. A {@code call} answers 200 with the reply
 * (a result, or the remote exception); a {@code cast} answers 202 once the message is
 * checked and queued on the cast executor; a refused message gets 404 (unknown contract
 * or method) or 400 (unreadable), a full cast queue 503. The body was bounded before it
 * got here ({@code nova.rpc.http.max-message-size}).
 */
public class HttpRpcEndpoint implements DisposableBean {

	public static final String CALL = "/rpc/v1/call";

	public static final String CAST = "/rpc/v1/cast";

	private static final Log logger = LogFactory.getLog(HttpRpcEndpoint.class);

	private final RpcDispatcher dispatcher;

	private final RpcCodec codec;

	private final ThreadPoolTaskExecutor castExecutor;

	private final RpcSigner signer;

	public HttpRpcEndpoint(RpcDispatcher dispatcher, RpcCodec codec, ThreadPoolTaskExecutor castExecutor,
			RpcSigner signer) {
		this.dispatcher = dispatcher;
		this.codec = codec;
		this.castExecutor = castExecutor;
		this.signer = signer;
	}

	/**
	 * Why a message must not run, or {@code null} when it was signed for {@code path}.
	 * @param path the path this endpoint serves the message at, not the one the request spelled
	 * @param from the sender's address, for the log
	 */
	String unauthenticated(String path, byte[] body, String timestamp, String nonce, String signature, String from) {
		try {
			this.signer.verify(path, body, timestamp, nonce, signature);
			return null;
		}
		catch (RpcSigner.BadSignatureException ex) {
			logger.warn("Refused an RPC message from " + from + " to " + path + ": " + ex.getMessage());
			return ex.getMessage();
		}
	}

	/** A call whose signature was checked. */
	ResponseEntity<byte[]> call(byte[] body) {
		RpcMessage message = read(body);
		if (message == null) {
			return reply(HttpStatus.BAD_REQUEST, "unreadable RPC message");
		}
		RpcReply reply = this.dispatcher.call(message);
		HttpStatus status = (reply.failure() != null && reply.failure().kind() == RpcReply.Kind.REFUSED)
				? HttpStatus.NOT_FOUND : HttpStatus.OK;
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(this.codec.write(reply));
	}

	/** A cast whose signature was checked. */
	ResponseEntity<byte[]> cast(byte[] body) {
		RpcMessage message = read(body);
		if (message == null) {
			return reply(HttpStatus.BAD_REQUEST, "unreadable RPC message");
		}
		RpcDispatcher.Invocation invocation;
		try {
			invocation = this.dispatcher.prepare(message, "cast");
		}
		catch (RpcRefusedException ex) {
			logger.warn("Refused RPC cast " + message.api() + "." + message.method() + ": " + ex.getMessage());
			return reply(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		try {
			this.castExecutor.execute(invocation::invoke);
		}
		catch (RejectedExecutionException ex) {
			logger.warn("Refused RPC cast " + invocation.topic() + "." + invocation.method()
					+ ": the cast queue is full (nova.rpc.server.queue-capacity)");
			return reply(HttpStatus.SERVICE_UNAVAILABLE, "busy: the receiver's cast queue is full");
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

	/** Runs the casts already accepted (up to 10 s), then stops the cast threads. */
	@Override
	public void destroy() {
		this.castExecutor.shutdown();
	}

	private RpcMessage read(byte[] body) {
		try {
			return this.codec.read(body, RpcMessage.class);
		}
		catch (RuntimeException ex) {
			logger.warn("Unreadable RPC message: " + ex.getMessage());
			return null;
		}
	}

	private ResponseEntity<byte[]> reply(HttpStatus status, String reason) {
		RpcReply reply = RpcReply.failure(this.dispatcher.host(), RpcReply.Failure.refused(reason));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(this.codec.write(reply));
	}

}
