package dev.novaboot.service.record;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.service.store.SoftDeletedEntity;

/**
 * One row of Nova's {@code services} table: a running (or once running) service of the
 * suite. Plain data; {@link ServiceRegistrar}, {@link Heartbeat} and the service API own
 * the writes.
 * <p>
 * {@code deleted} follows Nova's soft-delete convention: {@code 0} for a live row, the
 * row's id once deleted, so that the unique key ({@code host}, {@code binary},
 * {@code deleted}) holds among live rows on H2 and PostgreSQL alike.
 */
@Entity
@Table(name = "services")
public class ServiceRecord extends SoftDeletedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false, length = 36)
	private String uuid;

	@Column(nullable = false)
	private String host;

	// "binary" is a reserved word in PostgreSQL and H2
	@Column(name = "\"binary\"", nullable = false)
	private String binary;

	@Column(nullable = false)
	private String topic;

	@Column(nullable = false)
	private String zone;

	@Column(name = "report_count", nullable = false)
	private long reportCount;

	@Column(nullable = false)
	private boolean disabled;

	@Column(name = "disabled_reason")
	private String disabledReason;

	@Column(name = "forced_down", nullable = false)
	private boolean forcedDown;

	@Column(name = "last_seen_up")
	private Instant lastSeenUp;

	@Column(nullable = false)
	private int version;

	@Column(name = "rpc_endpoint")
	private String rpcEndpoint;

	protected ServiceRecord() {
	}

	public ServiceRecord(String host, String binary, String topic, String zone, int version, Instant createdAt) {
		super(createdAt);
		this.uuid = UUID.randomUUID().toString();
		this.host = host;
		this.binary = binary;
		this.topic = topic;
		this.zone = zone;
		this.version = version;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public String getHost() {
		return this.host;
	}

	public String getBinary() {
		return this.binary;
	}

	public String getTopic() {
		return this.topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public String getZone() {
		return this.zone;
	}

	public void setZone(String zone) {
		this.zone = zone;
	}

	public long getReportCount() {
		return this.reportCount;
	}

	public boolean isDisabled() {
		return this.disabled;
	}

	public String getDisabledReason() {
		return this.disabledReason;
	}

	/** Takes the service out of (or back into) scheduling; a reason only while disabled. */
	public void setDisabled(boolean disabled, String reason) {
		this.disabled = disabled;
		this.disabledReason = disabled ? reason : null;
	}

	public boolean isForcedDown() {
		return this.forcedDown;
	}

	public void setForcedDown(boolean forcedDown) {
		this.forcedDown = forcedDown;
	}

	public Instant getLastSeenUp() {
		return this.lastSeenUp;
	}

	public int getVersion() {
		return this.version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	public String getRpcEndpoint() {
		return this.rpcEndpoint;
	}

	public void setRpcEndpoint(String rpcEndpoint) {
		this.rpcEndpoint = rpcEndpoint;
	}

	public void markDeleted(Instant now) {
		markDeleted(this.id, now);
	}

}
