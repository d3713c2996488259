package dev.novaboot.compute.store;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A row of {@code instance_tags}: one tag of a server (Nova's server tags, microversion
 * 2.26).
 */
@Entity
@Table(name = "instance_tags")
public class InstanceTag {

	@EmbeddedId
	private Key key;

	protected InstanceTag() {
	}

	public InstanceTag(String instanceUuid, String tag) {
		this.key = new Key(instanceUuid, tag);
	}

	public String getInstanceUuid() {
		return this.key.instanceUuid();
	}

	public String getTag() {
		return this.key.tag();
	}

	/** The primary key: a server has a tag at most once. */
	@Embeddable
	public record Key(@Column(name = "instance_uuid") String instanceUuid, String tag) implements Serializable {
	}

}
