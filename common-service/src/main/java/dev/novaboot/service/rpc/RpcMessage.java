package dev.novaboot.service.rpc;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import dev.novaboot.service.context.RequestContext;

/**
 * One RPC message on the wire (JSON), whatever the transport.
 *
 * @param api the contract interface's fully qualified name
 * @param version the contract version the caller speaks
 * @param method the contract method's name
 * @param context the caller's request context, handed to the remote method as its first
 * argument
 * @param args the other arguments, in order, as JSON
 */
public record RpcMessage(String api, String version, String method, Context context, List<JsonNode> args) {

	public RpcMessage {
		args = (args != null) ? List.copyOf(args) : List.of();
	}

	/**
	 * The request context as it travels: the same fields as {@link RequestContext}.
	 */
	public record Context(String requestId, String userId, String projectId, Set<String> roles) {

		public static Context of(RequestContext context) {
			return new Context(context.requestId(), context.userId(), context.projectId(), context.roles());
		}

		public RequestContext toRequestContext() {
			return new RequestContext(this.requestId, this.userId, this.projectId,
					(this.roles != null) ? this.roles : Set.of());
		}

	}

}
