package dev.novaboot.service.rpc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.novaboot.service.context.RequestContext;

/**
 * Reads an {@link RpcApi @RpcApi} contract: its topic, version and the methods it
 * declares, checking the conventions every contract follows (an interface, a
 * {@link RequestContext} first parameter, no overloads, since messages name methods).
 */
public final class RpcContracts {

	private RpcContracts() {
	}

	/** The contract's annotation, after checking that {@code api} is a valid contract. */
	public static RpcApi apiOf(Class<?> api) {
		RpcApi rpcApi = api.getAnnotation(RpcApi.class);
		if (!api.isInterface() || rpcApi == null) {
			throw new IllegalArgumentException(api.getName() + " is not an RPC contract: an interface annotated @RpcApi");
		}
		methodsOf(api);
		return rpcApi;
	}

	/** The contract's remote methods by name. */
	public static Map<String, Method> methodsOf(Class<?> api) {
		Map<String, Method> methods = new LinkedHashMap<>();
		for (Method method : api.getMethods()) {
			if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
				continue;
			}
			if (method.getParameterCount() == 0 || method.getParameterTypes()[0] != RequestContext.class) {
				throw new IllegalArgumentException("RPC contract method " + api.getSimpleName() + "." + method.getName()
						+ " must take a RequestContext as its first parameter");
			}
			if (methods.put(method.getName(), method) != null) {
				throw new IllegalArgumentException("RPC contract " + api.getSimpleName() + " overloads "
						+ method.getName() + ": messages name methods, so contract methods need distinct names");
			}
		}
		return methods;
	}

	/** The major part of a contract version: {@code 2} of {@code 2.3}. */
	public static String major(String version) {
		if (version == null) {
			return "";
		}
		int dot = version.indexOf('.');
		return (dot < 0) ? version : version.substring(0, dot);
	}

}
