package dev.novaboot.service.rpc;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs every RPC at debug (topic, method, host, duration, request id) and times it in the
 * {@code nova.rpc} timer, tagged with side ({@code client}/{@code server}), kind
 * ({@code call}/{@code cast}/{@code fanout}), topic, method and outcome.
 */
public class RpcObserver {

	private static final Log logger = LogFactory.getLog(RpcObserver.class);

	/** The timer's name. */
	public static final String METRIC = "nova.rpc";

	private final MeterRegistry registry;

	/** @param registry where timers go, or {@code null} for logs only */
	public RpcObserver(MeterRegistry registry) {
		this.registry = registry;
	}

	public Timing start(String side, String kind, String topic, String method, String requestId) {
		return new Timing(side, kind, topic, method, requestId, System.nanoTime());
	}

	/** The outcome tag for a failure. */
	public static String outcomeOf(Throwable ex) {
		if (ex instanceof RemoteRpcException) {
			return "remote_error";
		}
		if (ex instanceof RpcTimeoutException) {
			return "timeout";
		}
		if (ex instanceof RpcUnreachableException) {
			return "unreachable";
		}
		if (ex instanceof RpcRefusedException) {
			return "refused";
		}
		return "error";
	}

	/** One RPC being timed. */
	public final class Timing {

		private final String side;

		private final String kind;

		private final String topic;

		private final String method;

		private final String requestId;

		private final long started;

		private Timing(String side, String kind, String topic, String method, String requestId, long started) {
			this.side = side;
			this.kind = kind;
			this.topic = topic;
			this.method = method;
			this.requestId = requestId;
			this.started = started;
		}

		/**
		 * Records the RPC's end.
		 * @param outcome {@code success}, {@code remote_error}, {@code timeout},
		 * {@code unreachable}, {@code refused} or {@code error}
		 * @param host the host that handled (server: this host; client: the receiver, if
		 * known)
		 */
		public void stop(String outcome, String host) {
			long nanos = System.nanoTime() - this.started;
			if (RpcObserver.this.registry != null) {
				Timer.builder(METRIC)
					.description("Remote procedure calls between the suite's services")
					.tag("side", this.side)
					.tag("kind", this.kind)
					.tag("topic", this.topic)
					.tag("method", this.method)
					.tag("outcome", outcome)
					.register(RpcObserver.this.registry)
					.record(nanos, TimeUnit.NANOSECONDS);
			}
			if (logger.isDebugEnabled()) {
				logger.debug(String.format("RPC %s %s %s.%s host=%s outcome=%s duration=%.3fms request_id=%s",
						this.side, this.kind, this.topic, this.method, (host != null) ? host : "-", outcome,
						nanos / 1e6, this.requestId));
			}
		}

	}

}
