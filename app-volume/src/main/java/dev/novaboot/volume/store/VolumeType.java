package dev.novaboot.volume.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.novaboot.service.store.AuditedEntity;

/**
 * One row of {@code volume_types}: Cinder's volume type, a name for a kind of volume with
 * extra specs that tell backends what it needs. {@link #DEFAULT_ID} is Cinder's
 * {@code __DEFAULT__}, which V5 makes.
 */
@Entity
@Table(name = "volume_types")
public class VolumeType extends AuditedEntity {

	/** The id of the default type, {@code __DEFAULT__} (V5__volume_types.sql). */
	public static final String DEFAULT_ID = "55e3126f-c1dd-4dd2-944a-27f00a4351a2";

	/** The default type's name, as Cinder names it. */
	public static final String DEFAULT_NAME = "__DEFAULT__";

	@Id
	@Column(length = 36)
	private String id;

	@Column(nullable = false)
	private String name;

	private String description;

	@Column(name = "is_public", nullable = false)
	private boolean isPublic;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "volume_type_extra_specs", joinColumns = @JoinColumn(name = "volume_type_id"))
	@MapKeyColumn(name = "spec_key")
	@Column(name = "spec_value", nullable = false)
	private Map<String, String> extraSpecs = new HashMap<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "volume_type_projects", joinColumns = @JoinColumn(name = "volume_type_id"))
	@Column(name = "project_id", nullable = false)
	private Set<String> projects = new HashSet<>();

	@Version
	@Column(name = "lock_version", nullable = false)
	private long lockVersion;

	protected VolumeType() {
	}

	public VolumeType(String id, String name, String description, boolean isPublic, Map<String, String> extraSpecs,
			Instant createdAt) {
		super(createdAt);
		this.id = id;
		this.name = name;
		this.description = description;
		this.isPublic = isPublic;
		this.extraSpecs.putAll(extraSpecs);
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public boolean isPublic() {
		return this.isPublic;
	}

	/** The extra specs, a copy. */
	/** The projects that may use this type while it is private (Cinder's type access). */
	public Set<String> getProjects() {
		return this.projects;
	}

	/** Whether {@code projectId} may see and use the type: public, or private with access. */
	public boolean isAccessibleTo(String projectId) {
		return this.isPublic || this.projects.contains(projectId);
	}

	public Map<String, String> getExtraSpecs() {
		return new TreeMap<>(this.extraSpecs);
	}

	public void setName(String name, Instant now) {
		this.name = name;
		touch(now);
	}

	public void setDescription(String description, Instant now) {
		this.description = description;
		touch(now);
	}

	public void setPublic(boolean isPublic, Instant now) {
		this.isPublic = isPublic;
		touch(now);
	}

	public void setExtraSpecs(Map<String, String> extraSpecs, Instant now) {
		this.extraSpecs.clear();
		this.extraSpecs.putAll(extraSpecs);
		touch(now);
	}

}
