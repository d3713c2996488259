package dev.novaboot.compute.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Convert;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.novaboot.service.store.AuditedEntity;

/**
 * A row of {@code key_pairs} (Nova's key pair): a public key a user registered or had
 * generated, by name. The private key of a generated pair is never stored.
 */
@Entity
@Table(name = "key_pairs")
public class KeyPairRecord extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id")
	private String userId;

	private String name;

	private String fingerprint;

	@Column(name = "public_key")
	private String publicKey;

	@Convert(converter = KeyType.Converter.class)
	private KeyType type;

	protected KeyPairRecord() {
	}

	public KeyPairRecord(String userId, String name, KeyType type, String publicKey, String fingerprint, Instant now) {
		super(now);
		this.userId = userId;
		this.name = name;
		this.type = type;
		this.publicKey = publicKey;
		this.fingerprint = fingerprint;
	}

	public Long getId() {
		return this.id;
	}

	public String getUserId() {
		return this.userId;
	}

	public String getName() {
		return this.name;
	}

	public String getFingerprint() {
		return this.fingerprint;
	}

	public String getPublicKey() {
		return this.publicKey;
	}

	public KeyType getType() {
		return this.type;
	}

}
