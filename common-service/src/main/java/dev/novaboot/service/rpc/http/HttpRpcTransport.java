package dev.novaboot.service.rpc.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

import io.micrometer.observation.ObservationRegistry;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

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

	private final RestClient.Builder builder;

	private final RpcTargets targets;

	private final RpcTargetCache cache;

	private final RpcSigner signer;

	private final RpcCodec codec;

	private final Duration castTimeout;

	private final Duration connectTimeout;

	private final Map<Duration, RestClient> clients = new ConcurrentHashMap<>();

	/**
	 * @param builder the builder of the {@link RestClient}s (one per read timeout)
	 * @param connectTimeout how long to wait for a connection to a receiver
	 * @param castTimeout how long to wait for a receiver to accept a cast
	 */
	public HttpRpcTransport(RestClient.Builder builder, Duration connectTimeout, Duration castTimeout,
			RpcTargets targets, RpcTargetCache cache, RpcSigner signer, RpcCodec codec) {
		this.builder = builder;
		this.cache = cache;
		this.castTimeout = castTimeout;
		this.connectTimeout = connectTimeout;
		this.targets = targets;
		this.signer = signer;
		this.codec = codec;
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
		URI uri = URI.create(service.getRpcEndpoint() + path);
		Response response;
		try {
			response = client(timeout).post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.headers((headers) -> headers.addAll(this.signer.sign(path, body)))
				.body(body)
				.exchange((request, reply) -> new Response(reply.getStatusCode().value(),
						reply.getBody().readAllBytes()));
		}
		catch (RuntimeException ex) {
			RpcException failure = translate(ex, address, method, service.getHost(), timeout);
			if (failure instanceof HostDownException) {
				// read the services table again next time: the row may be stale
				this.cache.forget(address.topic(), service.getHost());
			}
			throw failure;
		}
		return response.check(address, method, service.getHost());
	}

	private RpcException translate(RuntimeException ex, RpcAddress address, String method, String host,
			Duration timeout) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
					|| cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
					|| isConnectTimeout(cause)) {
				return new HostDownException(address.toString(), method, host, "cannot connect: " + cause, ex);
			}
			if (cause instanceof SocketTimeoutException) {
				return new RpcTimeoutException(address.toString(), method, timeout, ex);
			}
		}
		if (ex.getCause() instanceof IOException) {
			// the connection broke while the receiver had the message: it may have run it
			return new HostDownException(address.toString(), method, host, "connection lost: " + ex.getCause(), ex);
		}
		return new RpcException(address.toString(), method, "RPC " + method + " to " + address + " failed: " + ex, ex);
	}

	/** HttpURLConnection reports a connect timeout as a SocketTimeoutException too. */
	private static boolean isConnectTimeout(Throwable cause) {
		return cause instanceof SocketTimeoutException && cause.getMessage() != null
				&& cause.getMessage().toLowerCase(java.util.Locale.ROOT).startsWith("connect timed out");
	}

	/*
	 * HttpURLConnection (pooled keep-alive connections, blocking): on loopback it gave
	 * about 1.8 times the throughput of the JDK HttpClient, which hands every exchange
	 * between threads. Its read timeout bounds the wait for the reply, since a receiver
	 * writes nothing before the method returns.
	 */
	private RestClient client(Duration readTimeout) {
		return this.clients.computeIfAbsent(readTimeout, (timeout) -> {
			SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
			factory.setConnectTimeout(this.connectTimeout);
			factory.setReadTimeout(timeout);
			// RPC has its own timings (RpcObserver); an http.client.requests observation per message only costs
			return this.builder.clone().requestFactory(factory).observationRegistry(ObservationRegistry.NOOP).build();
		});
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
