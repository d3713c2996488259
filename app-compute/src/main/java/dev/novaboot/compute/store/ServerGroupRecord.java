package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * A row of {@code server_groups} (Nova's instance group) with its members
 * ({@code server_group_members}): servers the scheduler places by the group's policy.
 */
@Entity
@Table(name = "server_groups")
public class ServerGroupRecord extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String uuid;

	private String name;

	@Column(name = "project_id")
	private String projectId;

	@Column(name = "user_id")
	private String userId;

	private String policy;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "server_group_members", joinColumns = @JoinColumn(name = "group_id"))
	@Column(name = "instance_uuid")
	private Set<String> members = new LinkedHashSet<>();

	protected ServerGroupRecord() {
	}

	public ServerGroupRecord(String uuid, String name, String projectId, String userId, String policy, Instant now) {
		super(now);
		this.uuid = uuid;
		this.name = name;
		this.projectId = projectId;
		this.userId = userId;
		this.policy = policy;
	}

	public Long getId() {
		return this.id;
	}

	public String getUuid() {
		return this.uuid;
	}

	public String getName() {
		return this.name;
	}

	public String getProjectId() {
		return this.projectId;
	}

	public String getUserId() {
		return this.userId;
	}

	/** One of Nova's policies: {@code affinity}, {@code anti-affinity}, {@code soft-affinity}, {@code soft-anti-affinity}. */
	public String getPolicy() {
		return this.policy;
	}

	/** Every instance ever added, deleted ones too. */
	public Set<String> getMembers() {
		return this.members;
	}

}
