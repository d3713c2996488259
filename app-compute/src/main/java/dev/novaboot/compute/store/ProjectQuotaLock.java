package dev.novaboot.compute.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code compute_quota_locks}: what a quota check locks so that the creates of one
 * project are counted one at a time.
 */
@Entity
@Table(name = "compute_quota_locks")
public class ProjectQuotaLock {

	@Id
	@Column(name = "project_id")
	private String projectId;

	protected ProjectQuotaLock() {
	}

	public ProjectQuotaLock(String projectId) {
		this.projectId = projectId;
	}

	public String getProjectId() {
		return this.projectId;
	}

}
