package dev.novaboot.compute.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * A row of {@code flavors} (Nova's flavor), with its extra specs ({@code flavor_extra_specs})
 * and the projects a private flavor is open to ({@code flavor_projects}). Plain data: only
 * the manager's {@code FlavorCatalog} changes rows.
 */
@Entity
@Table(name = "flavors")
public class FlavorRecord extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String flavorid;

	private String name;

	@Column(name = "memory_mb")
	private int memoryMb;

	private int vcpus;

	@Column(name = "root_gb")
	private int rootGb;

	@Column(name = "ephemeral_gb")
	private int ephemeralGb;

	private int swap;

	@Column(name = "rxtx_factor")
	private double rxtxFactor;

	@Column(name = "is_public")
	private boolean isPublic;

	private boolean disabled;

	@ElementCollection
	@CollectionTable(name = "flavor_extra_specs", joinColumns = @JoinColumn(name = "flavor_id"))
	@MapKeyColumn(name = "spec_key")
	@Column(name = "spec_value")
	private Map<String, String> extraSpecs = new TreeMap<>();

	@ElementCollection
	@CollectionTable(name = "flavor_projects", joinColumns = @JoinColumn(name = "flavor_id"))
	@Column(name = "project_id")
	private Set<String> projects = new TreeSet<>();

	protected FlavorRecord() {
	}

	public FlavorRecord(String flavorid, String name, int memoryMb, int vcpus, int rootGb, int ephemeralGb, int swap,
			double rxtxFactor, boolean isPublic, Instant now) {
		super(now);
		this.flavorid = flavorid;
		this.name = name;
		this.memoryMb = memoryMb;
		this.vcpus = vcpus;
		this.rootGb = rootGb;
		this.ephemeralGb = ephemeralGb;
		this.swap = swap;
		this.rxtxFactor = rxtxFactor;
		this.isPublic = isPublic;
	}

	public Long getId() {
		return this.id;
	}

	/** The id the API shows and {@code flavorRef} names. */
	public String getFlavorid() {
		return this.flavorid;
	}

	public String getName() {
		return this.name;
	}

	public int getMemoryMb() {
		return this.memoryMb;
	}

	public int getVcpus() {
		return this.vcpus;
	}

	public int getRootGb() {
		return this.rootGb;
	}

	public int getEphemeralGb() {
		return this.ephemeralGb;
	}

	public int getSwap() {
		return this.swap;
	}

	public double getRxtxFactor() {
		return this.rxtxFactor;
	}

	public boolean isPublic() {
		return this.isPublic;
	}

	public boolean isDisabled() {
		return this.disabled;
	}

	/** Live and changeable (by the manager): the flavor's extra specs. */
	public Map<String, String> getExtraSpecs() {
		return this.extraSpecs;
	}

	/** Live and changeable (by the manager): the projects a private flavor is open to. */
	public Set<String> getProjects() {
		return this.projects;
	}

}
