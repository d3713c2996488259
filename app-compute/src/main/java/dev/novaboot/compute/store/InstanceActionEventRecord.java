package dev.novaboot.compute.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code instance_actions_events}: a step a host took for an action
 * ({@code compute_stop_instance}), when, on which host, and whether it succeeded.
 */
@Entity
@Table(name = "instance_actions_events")
public class InstanceActionEventRecord {

	/** Nova's results. */
	public static final String SUCCESS = "Success";

	public static final String ERROR = "Error";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "action_id")
	private Long actionId;

	private String event;

	@Column(name = "start_time")
	private Instant startTime;

	@Column(name = "finish_time")
	private Instant finishTime;

	private String result;

	private String traceback;

	private String host;

	protected InstanceActionEventRecord() {
	}

	public InstanceActionEventRecord(Long actionId, String event, String host, Instant now) {
		this.actionId = actionId;
		this.event = event;
		this.host = host;
		this.startTime = now;
	}

	public Long getId() {
		return this.id;
	}

	public Long getActionId() {
		return this.actionId;
	}

	public String getEvent() {
		return this.event;
	}

	public Instant getStartTime() {
		return this.startTime;
	}

	public Instant getFinishTime() {
		return this.finishTime;
	}

	public String getResult() {
		return this.result;
	}

	public String getTraceback() {
		return this.traceback;
	}

	public String getHost() {
		return this.host;
	}

}
