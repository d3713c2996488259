package dev.novaboot.service.rpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import dev.novaboot.service.context.RequestContext;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * The receiving side of RPC, whatever the transport: finds the contract method a message
 * names on the manager that implements the contract, converts the arguments, runs it
 * with the caller's {@link RequestContext} and turns the outcome into a reply.
 * <p>
 * Only methods declared on an {@link RpcApi @RpcApi} interface that a manager bean
 * implements can run; a message naming anything else (another class, a public method of
 * the manager outside its contract, {@code Object}'s methods) is refused before any code
 * of the manager runs.
 */
public class RpcDispatcher {

	private static final Log logger = LogFactory.getLog(RpcDispatcher.class);

	private final Map<String, Contract> contracts = new LinkedHashMap<>();

	private final RpcCodec codec;

	private final RpcObserver observer;

	private final String host;

	/**
	 * @param managers the beans whose {@code @RpcApi} interfaces are served
	 * @param host this service's host, reported in replies
	 */
	public RpcDispatcher(Collection<?> managers, RpcCodec codec, RpcObserver observer, String host) {
		this.codec = codec;
		this.observer = observer;
		this.host = host;
		for (Object manager : managers) {
			for (Class<?> type : contractCandidates(AopUtils.getTargetClass(manager))) {
				if (type.isAnnotationPresent(RpcApi.class)) {
					RpcApi api = RpcContracts.apiOf(type);
					Contract previous = this.contracts.put(type.getName(),
							new Contract(type, api, manager, RpcContracts.methodsOf(type)));
					if (previous != null) {
						throw new IllegalStateException("Two beans implement the RPC contract " + type.getName()
								+ ": " + previous.target().getClass().getName() + " and " + manager.getClass().getName());
					}
				}
			}
		}
	}

	/**
	 * Every interface of the manager's class, including those its interfaces extend (a
	 * strategy interface such as {@code NetworkManager} extends the contract).
	 */
	private static Set<Class<?>> contractCandidates(Class<?> managerClass) {
		Set<Class<?>> all = new LinkedHashSet<>();
		Deque<Class<?>> pending = new ArrayDeque<>(ClassUtils.getAllInterfacesForClassAsSet(managerClass));
		while (!pending.isEmpty()) {
			Class<?> type = pending.pop();
			if (all.add(type)) {
				pending.addAll(List.of(type.getInterfaces()));
			}
		}
		return all;
	}

	/** The topics of the contracts served here: where the transport listens. */
	public Set<String> topics() {
		Set<String> topics = new LinkedHashSet<>();
		this.contracts.values().forEach((contract) -> topics.add(contract.api().topic()));
		return topics;
	}

	/** The contracts served here, by interface name. */
	public Set<String> contracts() {
		return this.contracts.keySet();
	}

	public String host() {
		return this.host;
	}

	/**
	 * Checks the message and resolves its method and arguments, running nothing.
	 * @throws RpcRefusedException when the message names no contract method served here,
	 * another major version, or arguments that do not fit
	 */
	public Invocation prepare(RpcMessage message, String kind) {
		String name = (message.api() != null) ? message.api() : "?";
		Contract contract = this.contracts.get(name);
		if (contract == null) {
			throw new RpcRefusedException(this.host, message.method(), "no RPC contract " + name + " is served here");
		}
		Method method = contract.methods().get(message.method());
		if (method == null) {
			throw new RpcRefusedException(contract.api().topic() + "." + this.host, message.method(),
					message.method() + " is not a method of the RPC contract " + contract.type().getSimpleName());
		}
		String address = contract.api().topic() + "." + this.host;
		if (!RpcContracts.major(contract.api().version()).equals(RpcContracts.major(message.version()))) {
			throw new RpcRefusedException(address, message.method(), "the caller speaks version " + message.version()
					+ " of " + contract.type().getSimpleName() + ", this service " + contract.api().version());
		}
		if (message.context() == null) {
			throw new RpcRefusedException(address, message.method(), "the message carries no request context");
		}
		Type[] types = method.getGenericParameterTypes();
		if (message.args().size() != types.length - 1) {
			throw new RpcRefusedException(address, message.method(),
					method.getName() + " takes " + (types.length - 1) + " arguments besides the context, the message has "
							+ message.args().size());
		}
		Object[] args = new Object[types.length];
		args[0] = message.context().toRequestContext();
		for (int i = 1; i < types.length; i++) {
			try {
				args[i] = this.codec.fromTree(message.args().get(i - 1), types[i]);
			}
			catch (RuntimeException ex) {
				throw new RpcRefusedException(address, message.method(),
						"argument " + i + " does not fit " + types[i].getTypeName() + ": " + ex.getMessage());
			}
			if (args[i] == null && method.getParameterTypes()[i].isPrimitive()) {
				throw new RpcRefusedException(address, message.method(), "argument " + i + " must not be null");
			}
		}
		return new Invocation(contract, method, args, kind);
	}

	/** Prepares and runs a {@code call}, never throwing: a refusal becomes a reply too. */
	public RpcReply call(RpcMessage message) {
		Invocation invocation;
		try {
			invocation = prepare(message, "call");
		}
		catch (RpcRefusedException ex) {
			logger.warn("Refused RPC " + message.api() + "." + message.method() + ": " + ex.getMessage());
			return RpcReply.failure(this.host, RpcReply.Failure.refused(ex.getMessage()));
		}
		return invocation.invoke();
	}

	/** A checked message, ready to run on the manager. */
	public final class Invocation {

		private final Contract contract;

		private final Method method;

		private final Object[] args;

		private final String kind;

		private Invocation(Contract contract, Method method, Object[] args, String kind) {
			this.contract = contract;
			this.method = method;
			this.args = args;
			this.kind = kind;
		}

		/** Runs the method; its result or exception becomes the reply. */
		public RpcReply invoke() {
			RequestContext context = (RequestContext) this.args[0];
			RpcObserver.Timing timing = RpcDispatcher.this.observer.start("server", this.kind,
					this.contract.api().topic(), this.method.getName(), context.requestId());
			try (MDC.MDCCloseable mdc = MDC.putCloseable("requestId", context.requestId())) {
				Object result = this.method.invoke(this.contract.target(), this.args);
				RpcReply reply = RpcReply.result(RpcDispatcher.this.host,
						(this.method.getReturnType() == void.class) ? null : RpcDispatcher.this.codec.toTree(result));
				timing.stop("success", RpcDispatcher.this.host);
				return reply;
			}
			catch (InvocationTargetException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				timing.stop("remote_error", RpcDispatcher.this.host);
				logger.warn("RPC " + this.contract.api().topic() + "." + this.method.getName() + " (request "
						+ context.requestId() + ") raised " + cause);
				if (logger.isDebugEnabled()) {
					logger.debug("Stack trace of the RPC failure", cause);
				}
				return RpcReply.failure(RpcDispatcher.this.host, RpcReply.Failure.remote(cause));
			}
			catch (IllegalAccessException | RuntimeException ex) {
				// the result could not be written as JSON, or the manager could not be reached
				timing.stop("error", RpcDispatcher.this.host);
				logger.error("RPC " + this.contract.api().topic() + "." + this.method.getName() + " (request "
						+ context.requestId() + ") failed", ex);
				return RpcReply.failure(RpcDispatcher.this.host, RpcReply.Failure.remote(ex));
			}
		}

		public String topic() {
			return this.contract.api().topic();
		}

		public String method() {
			return this.method.getName();
		}

		public String requestId() {
			return ((RequestContext) this.args[0]).requestId();
		}

	}

	private record Contract(Class<?> type, RpcApi api, Object target, Map<String, Method> methods) {
	}

}
