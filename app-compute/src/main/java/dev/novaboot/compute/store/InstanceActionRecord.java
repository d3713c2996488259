package dev.novaboot.compute.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * A row of {@code instance_actions}: one user request on a server (Nova's instance action),
 * with the request's id, who asked, and {@code Error} as its message when a step failed.
 */
@Entity
@Table(name = "instance_actions")
public class InstanceActionRecord extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String action;

	@Column(name = "instance_uuid")
	private String instanceUuid;

	@Column(name = "request_id")
	private String requestId;

	@Column(name = "user_id")
	private String userId;

	@Column(name = "project_id")
	private String projectId;

	@Column(name = "start_time")
	private Instant startTime;

	@Column(name = "finish_time")
	private Instant finishTime;

	private String message;

	protected InstanceActionRecord() {
	}

	public InstanceActionRecord(String action, String instanceUuid, String requestId, String userId,
			String projectId, Instant now) {
		super(now);
		this.action = action;
		this.instanceUuid = instanceUuid;
		this.requestId = requestId;
		this.userId = userId;
		this.projectId = projectId;
		this.startTime = now;
	}

	public Long getId() {
		return this.id;
	}

	public String getAction() {
		return this.action;
	}

	public String getInstanceUuid() {
		return this.instanceUuid;
	}

	public String getRequestId() {
		return this.requestId;
	}

	public String getUserId() {
		return this.userId;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public Instant getStartTime() {
		return this.startTime;
	}

	public String getMessage() {
		return this.message;
	}

	/** A step failed: Nova marks the action {@code Error}. */
}
