package dev.novaboot.compute.store;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A row of {@code instance_metadata}: one key and value of a server's metadata (Nova's
 * server metadata).
 */
@Entity
@Table(name = "instance_metadata")
public class InstanceMetadataItem {

	@EmbeddedId
	private Key key;

	@Column(name = "meta_value")
	private String value;

	protected InstanceMetadataItem() {
	}

	public InstanceMetadataItem(String instanceUuid, String key, String value) {
		this.key = new Key(instanceUuid, key);
		this.value = value;
	}

	public String getInstanceUuid() {
		return this.key.instanceUuid();
	}

	public String getKey() {
		return this.key.key();
	}

	public String getValue() {
		return this.value;
	}

	public void setValue(String value) {
		this.value = value;
	}

	/** The primary key: a server has a key at most once. */
	@Embeddable
	public record Key(@Column(name = "instance_uuid") String instanceUuid,
			@Column(name = "meta_key") String key) implements Serializable {
	}

}
