package dev.novaboot.service.rpc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

import dev.novaboot.service.context.RequestContext;

/**
 * Typed RPC clients for managers: pick the semantics and the address, then call the
 * contract method as if it were local.
 * <pre class="code">
 * InstanceNetworkInfo info = rpc.call(NetworkRpcApi.class).allocateForInstance(context, request);
 * rpc.cast(ComputeRpcApi.class, host).runInstance(context, instance);
 * rpc.fanout(ComputeRpcApi.class).refreshCache(context);
 * </pre>
 * {@code call} waits for the result (up to {@code nova.rpc.call-timeout}) and throws the
 * typed {@link RpcException}s; {@code cast} and {@code fanout} return once the message
 * is accepted, and their methods return {@code null} (or zero/false for primitives).
 */
public class Rpc {

	private static final Map<Class<?>, Object> ZEROS = Map.of(boolean.class, false, char.class, '\0', byte.class,
			(byte) 0, short.class, (short) 0, int.class, 0, long.class, 0L, float.class, 0f, double.class, 0d);

	private final RpcTransport transport;

	private final RpcCodec codec;

	private final RpcObserver observer;

	private final Duration callTimeout;

	private final Map<Class<?>, Map<String, Method>> contracts = new ConcurrentHashMap<>();

	public Rpc(RpcTransport transport, RpcCodec codec, RpcObserver observer, Duration callTimeout) {
		this.transport = transport;
		this.codec = codec;
		this.observer = observer;
		this.callTimeout = callTimeout;
	}

	/** Calls any up, enabled service of the contract's topic and waits for the result. */
	public <T> T call(Class<T> api) {
		return call(api, null, this.callTimeout);
	}

	/** Calls the contract's service on {@code host} and waits for the result. */
	public <T> T call(Class<T> api, String host) {
		return call(api, host, this.callTimeout);
	}

	/**
	 * Calls with a timeout of its own.
	 * @param host the host, or {@code null} for any up, enabled service of the topic
	 */
	public <T> T call(Class<T> api, String host, Duration timeout) {
		return proxy(api, "call", host, Objects.requireNonNull(timeout, "timeout"));
	}

	/** Casts to any service of the contract's topic. */
	public <T> T cast(Class<T> api) {
		return proxy(api, "cast", null, null);
	}

	/** Casts to the contract's service on {@code host}. */
	public <T> T cast(Class<T> api, String host) {
		return proxy(api, "cast", Objects.requireNonNull(host, "host"), null);
	}

	/** Casts to every up service of the contract's topic. */
	public <T> T fanout(Class<T> api) {
		return proxy(api, "fanout", null, null);
	}

	public RpcTransport transport() {
		return this.transport;
	}

	private <T> T proxy(Class<T> api, String kind, String host, Duration timeout) {
		RpcApi rpcApi = RpcContracts.apiOf(api);
		Map<String, Method> methods = this.contracts.computeIfAbsent(api, RpcContracts::methodsOf);
		RpcAddress address = new RpcAddress(rpcApi.topic(), host);
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "equals" -> proxy == args[0];
					case "hashCode" -> System.identityHashCode(proxy);
					default -> kind + " client of " + api.getSimpleName() + " for " + address;
				};
			}
			if (method.isDefault()) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			if (!methods.containsKey(method.getName())) {
				throw new IllegalStateException(method + " is not a method of " + api.getName());
			}
			RpcMessage message = message(api, rpcApi, method, args);
			return switch (kind) {
				case "call" -> call(address, method, message, timeout);
				case "cast" -> send(kind, address, method, message, () -> this.transport.cast(address, message));
				default -> send(kind, address, method, message, () -> this.transport.fanout(address.topic(), message));
			};
		};
		return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api }, handler));
	}

	private RpcMessage message(Class<?> api, RpcApi rpcApi, Method method, Object[] args) {
		RequestContext context = (RequestContext) args[0];
		if (context == null) {
			throw new IllegalArgumentException("An RPC needs the caller's RequestContext; " + method.getName()
					+ " got null");
		}
		List<JsonNode> json = new ArrayList<>(args.length - 1);
		for (int i = 1; i < args.length; i++) {
			json.add(this.codec.toTree(args[i]));
		}
		return new RpcMessage(api.getName(), rpcApi.version(), method.getName(), RpcMessage.Context.of(context), json);
	}

	private Object call(RpcAddress address, Method method, RpcMessage message, Duration timeout) {
		RpcObserver.Timing timing = this.observer.start("client", "call", address.topic(), method.getName(),
				message.context().requestId());
		RpcReply reply;
		try {
			reply = this.transport.call(address, message, timeout);
		}
		catch (RuntimeException ex) {
			timing.stop(RpcObserver.outcomeOf(ex), address.host());
			throw ex;
		}
		RpcReply.Failure failure = reply.failure();
		if (failure == null) {
			try {
				Object result = this.codec.fromTree(reply.result(), method.getGenericReturnType());
				timing.stop("success", reply.host());
				return (result == null && method.getReturnType().isPrimitive()) ? zero(method.getReturnType()) : result;
			}
			catch (RuntimeException ex) {
				timing.stop("error", reply.host());
				throw new RpcException(address.toString(), method.getName(),
						"The result of " + method.getName() + " from " + reply.host() + " does not fit "
								+ method.getGenericReturnType().getTypeName() + ": " + ex.getMessage(),
						ex);
			}
		}
		RpcException ex = (failure.kind() == RpcReply.Kind.REFUSED)
				? new RpcRefusedException(address.toString(), method.getName(), failure.message())
				: new RemoteRpcException(address.toString(), method.getName(), reply.host(), failure.type(),
						failure.message());
		timing.stop(RpcObserver.outcomeOf(ex), reply.host());
		throw ex;
	}

	private Object send(String kind, RpcAddress address, Method method, RpcMessage message, Runnable sending) {
		RpcObserver.Timing timing = this.observer.start("client", kind, address.topic(), method.getName(),
				message.context().requestId());
		try {
			sending.run();
		}
		catch (RuntimeException ex) {
			timing.stop(RpcObserver.outcomeOf(ex), address.host());
			throw ex;
		}
		timing.stop("success", address.host());
		return method.getReturnType().isPrimitive() ? zero(method.getReturnType()) : null;
	}

	/** What a primitive-returning method gives when there is no result (void: null). */
	private static Object zero(Class<?> type) {
		return ZEROS.get(type);
	}

}
