package dev.novaboot.service.rpc;

import tools.jackson.databind.JsonNode;

/**
 * The answer to a {@code call}: a result, or a failure.
 *
 * @param host the host whose manager handled the message
 * @param result the method's result as JSON ({@code null} for {@code void} or a failure)
 * @param failure why there is no result, or {@code null}
 */
public record RpcReply(String host, JsonNode result, Failure failure) {

	public static RpcReply result(String host, JsonNode result) {
		return new RpcReply(host, result, null);
	}

	public static RpcReply failure(String host, Failure failure) {
		return new RpcReply(host, null, failure);
	}

	/**
	 * Why a call has no result.
	 *
	 * @param kind {@link Kind#REMOTE} when the method raised, {@link Kind#REFUSED} when the
	 * receiver did not run it
	 * @param type the remote exception's class name ({@code REMOTE} only)
	 * @param message what went wrong
	 */
	public record Failure(Kind kind, String type, String message) {

		public static Failure remote(Throwable ex) {
			return new Failure(Kind.REMOTE, ex.getClass().getName(), ex.getMessage());
		}

		public static Failure refused(String reason) {
			return new Failure(Kind.REFUSED, null, reason);
		}

	}

	public enum Kind {

		REMOTE, REFUSED

	}

}
