package dev.novaboot.compute.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code flavor_seeds}: a configured flavor id that was seeded once, so that it
 * is never seeded again (an admin may have deleted it since).
 */
@Entity
@Table(name = "flavor_seeds")
public class FlavorSeed {

	@Id
	private String flavorid;

	@Column(name = "seeded_at")
	private Instant seededAt;

	protected FlavorSeed() {
	}

	public FlavorSeed(String flavorid, Instant seededAt) {
		this.flavorid = flavorid;
		this.seededAt = seededAt;
	}

	public String getFlavorid() {
		return this.flavorid;
	}

}
