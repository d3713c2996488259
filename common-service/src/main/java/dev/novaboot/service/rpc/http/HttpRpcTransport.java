package dev.novaboot.service.rpc.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.rpc.HostDownException;
import dev.novaboot.service.rpc.NoServiceUpException;
import dev.novaboot.service.rpc.RpcAddress;
import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcException;
import dev.novaboot.service.rpc.RpcMessage;
import dev.novaboot.service.rpc.RpcRefusedException;
import dev.novaboot.service.rpc.RpcReply;
import dev.novaboot.service.rpc.RpcTargetCache;
import dev.novaboot.service.rpc.RpcTargets;
import dev.novaboot.service.rpc.RpcTimeoutException;
import dev.novaboot.service.rpc.RpcTransport;

import org.springframework.http.MediaType;

/**
 * The default transport: signed JSON over HTTP straight to the receiving service's web
 * port, found through {@code services.rpc_endpoint} of the up services. No broker.
 * <p>
 * A message addressed to a topic goes to the service the {@code RpcTargetChooser} picks;
 * when that service refuses the connection, the next one is tried (nothing was sent, so
 * nothing can run twice).
 */
public class HttpRpcTransport implements RpcTransport {

	private static final Log logger = LogFactory.getLog(HttpRpcTransport.class);

	private final HttpClient client;

	private final RpcTargets targets;

	private final RpcTargetCache cache;

	private final RpcSigner signer;

	private final RpcCodec codec;

	private final Duration castTimeout;

	/**
	 * @param connectTimeout how long to wait for a connection to a receiver
	 * @param castTimeout how long to wait for a receiver to accept a cast
	 */
	public HttpRpcTransport(Duration connectTimeout, Duration castTimeout, RpcTargets targets, RpcTargetCache cache,
			RpcSigner signer, RpcCodec codec) {
		this.client = client(connectTimeout);
		this.cache = cache;
		this.castTimeout = castTimeout;
		this.targets = targets;
		this.signer = signer;
		this.codec = codec;
	}

	/*
	 * The JDK's client, over HTTP/1.1 with pooled keep-alive connections, rather than
	 * HttpURLConnection: that one probes a pooled connection before every streamed POST
	 * with a blocking read of 1 ms, which was most of a call's latency on loopback. It
	 * retries no POST (neither did HttpURLConnection in streaming mode), so a message is
	 * sent at most once. No http.client.requests observation: RPC has its own timings
	 * (RpcObserver).
	 * <p>
	 * The client's own steps run on the thread where they arise (mostly its selector
	 * thread, which writes the request and reads the reply) instead of being handed to a
	 * pool of its own: a hand-off to a pool thread at every step cost more than the
	 * exchange. No step blocks: the request is one byte array and the reply is read into one.
	 */
	private static HttpClient client(Duration connectTimeout) {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public String name() {
		return "http";
	}

	@Override
	public RpcReply call(RpcAddress address, RpcMessage message, Duration timeout) {
		Response response = send(address, message, HttpRpcEndpoint.CALL, timeout);
		return response.reply();
	}

	@Override
	public void cast(RpcAddress address, RpcMessage message) {
		send(address, message, HttpRpcEndpoint.CAST, this.castTimeout);
	}

	@Override
	public void fanout(String topic, RpcMessage message) {
		byte[] body = this.codec.write(message);
		for (ServiceRecord service : this.targets.fanoutServices(topic)) {
			RpcAddress address = RpcAddress.host(topic, service.getHost());
			try {
				if (service.getRpcEndpoint() == null) {
					throw new HostDownException(address.toString(), message.method(), service.getHost(),
							"publishes no RPC endpoint", null);
				}
				post(address, message.method(), service, HttpRpcEndpoint.CAST, body, this.castTimeout);
			}
			catch (RpcException ex) {
				// a fanout reaches whoever is reachable; the others miss it, as with a broker
				logger.warn("Fanout of " + topic + "." + message.method() + " missed " + service.getHost() + ": "
						+ ex.getMessage());
			}
		}
	}

	private Response send(RpcAddress address, RpcMessage message, String path, Duration timeout) {
		byte[] body = this.codec.write(message);
		if (address.hasHost()) {
			ServiceRecord service = this.cache.upHostService(address, message.method());
			if (service.getRpcEndpoint() == null) {
				throw new HostDownException(address.toString(), message.method(), address.host(),
						"publishes no RPC endpoint", null);
			}
			return post(address, message.method(), service, path, body, timeout);
		}
		List<ServiceRecord> candidates = new ArrayList<>(this.cache.upServices(address.topic())
			.stream()
			.filter((service) -> service.getRpcEndpoint() != null)
			.toList());
		HostDownException lastFailure = null;
		while (!candidates.isEmpty()) {
			ServiceRecord service = this.targets.choose(address.topic(), candidates);
			try {
				return post(address, message.method(), service, path, body, timeout);
			}
			catch (HostDownException ex) {
				logger.info("Trying another service of " + address.topic() + ": " + ex.getMessage());
				lastFailure = ex;
				candidates.remove(service);
			}
		}
		if (lastFailure != null) {
			throw lastFailure;
		}
		throw new NoServiceUpException(address.topic(), message.method());
	}

	private Response post(RpcAddress address, String method, ServiceRecord service, String path, byte[] body,
			Duration timeout) {
		RpcSigner.Signature signature = this.signer.signature(path, body);
		HttpRequest request = HttpRequest.newBuilder(URI.create(service.getRpcEndpoint() + path))
			.timeout(timeout)
			.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
			.header(RpcSigner.TIMESTAMP, signature.timestamp())
			.header(RpcSigner.NONCE, signature.nonce())
			.header(RpcSigner.SIGNATURE, signature.value())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<byte[]> reply;
		try {
			reply = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			RpcException failure = translate(ex, address, method, service.getHost(), timeout);
			if (failure instanceof HostDownException) {
				// read the services table again next time: the row may be stale
				this.cache.forget(address.topic(), service.getHost());
			}
			throw failure;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RpcException(address.toString(), method, "Interrupted while waiting for the reply to " + method
					+ " from " + address + "; the receiver may have run it", ex);
		}
		return new Response(reply.statusCode(), reply.body()).check(address, method, service.getHost());
	}

	private RpcException translate(IOException ex, RpcAddress address, String method, String host, Duration timeout) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// nothing was sent: the receiver is down or unreachable
			if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
					|| cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return new HostDownException(address.toString(), method, host, "cannot connect: " + cause, ex);
			}
		}
		if (ex instanceof HttpTimeoutException) {
			return new RpcTimeoutException(address.toString(), method, timeout, ex);
		}
		// the connection broke while the receiver had the message: it may have run it
		return new HostDownException(address.toString(), method, host, "connection lost: " + ex, ex);
	}

	private final class Response {

		private final int status;

		private final byte[] body;

		Response(int status, byte[] body) {
			this.status = status;
			this.body = body;
		}

		Response check(RpcAddress address, String method, String host) {
			if (this.status == 200 || this.status == 202) {
				return this;
			}
			String reason = switch (this.status) {
				case 401 -> "authentication failed on " + host + " (" + text() + "); nova.rpc.secret must be the same on"
						+ " every service and the hosts' clocks in sync";
				case 503 -> "receiver " + host + " is busy: " + refusal();
				case 400, 404 -> refusal();
				default -> "HTTP " + this.status + " from " + host + ": " + text();
			};
			throw new RpcRefusedException(address.toString(), method, reason);
		}

		RpcReply reply() {
			return HttpRpcTransport.this.codec.read(this.body, RpcReply.class);
		}

		private String refusal() {
			try {
				RpcReply reply = reply();
				return (reply.failure() != null) ? reply.failure().message() : text();
			}
			catch (RuntimeException ex) {
				return text();
			}
		}

		private String text() {
			return new String(this.body, java.nio.charset.StandardCharsets.UTF_8);
		}

	}

}
