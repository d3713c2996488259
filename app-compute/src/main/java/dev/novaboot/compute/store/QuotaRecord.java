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
 * A row of {@code compute_quotas}: the limit an admin set on one resource of one project.
 */
@Entity
@Table(name = "compute_quotas")
public class QuotaRecord extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "project_id")
	private String projectId;

	private String resource;

	@Column(name = "hard_limit")
	private int hardLimit;

	protected QuotaRecord() {
	}

	public QuotaRecord(String projectId, String resource, int hardLimit, Instant now) {
		super(now);
		this.projectId = projectId;
		this.resource = resource;
		this.hardLimit = hardLimit;
	}

	public String getResource() {
		return this.resource;
	}

	public int getHardLimit() {
		return this.hardLimit;
	}

	public void setHardLimit(int hardLimit, Instant now) {
		this.hardLimit = hardLimit;
		touch(now);
	}

}
