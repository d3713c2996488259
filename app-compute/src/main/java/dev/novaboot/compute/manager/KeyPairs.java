package dev.novaboot.compute.manager;

import java.util.List;
import java.util.Optional;

import dev.novaboot.compute.store.KeyPairRecord;
import dev.novaboot.compute.store.KeyPairRepository;
import dev.novaboot.compute.store.KeyType;
import dev.novaboot.service.record.DatabaseClock;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users' key pairs (Nova's {@code KeypairAPI}): imported public keys, checked and
 * fingerprinted, and generated pairs whose private key is handed out once and never kept.
 */
@Service
public class KeyPairs {

	private final KeyPairRepository keyPairs;

	private final DatabaseClock clock;

	private final ComputeQuotas quotas;

	KeyPairs(KeyPairRepository keyPairs, DatabaseClock clock, ComputeQuotas quotas) {
		this.keyPairs = keyPairs;
		this.clock = clock;
		this.quotas = quotas;
	}

	/**
	 * A new key pair and its private key, for {@code user}, counted against the key pairs
	 * quota of {@code project}.
	 * @throws ComputeQuotas.OverQuotaException if the user has as many as the quota allows
	 */
	@Transactional
	public Created generate(String project, String user, String name, KeyType type) {
		KeyMaterial.Generated material = (type == KeyType.X509) ? KeyMaterial.generateX509(user, this.clock.now())
				: KeyMaterial.generateSsh();
		return new Created(save(project, user, name, type, material.publicKey(), material.fingerprint()),
				material.privateKey());
	}

	/**
	 * Registers {@code publicKey} for {@code user}, counted as {@link #generate} counts.
	 * @throws InvalidKeyPairException if it is no key of its type
	 */
	@Transactional
	public KeyPairRecord importKey(String project, String user, String name, KeyType type, String publicKey) {
		String fingerprint = (type == KeyType.X509) ? KeyMaterial.x509Fingerprint(publicKey)
				: KeyMaterial.sshFingerprint(publicKey);
		return save(project, user, name, type, publicKey, fingerprint);
	}

	/**
	 * The user's key pairs in name order, after the one named {@code marker}.
	 * @throws MarkerNotFoundException if the user has no key pair of that name
	 */
	@Transactional(readOnly = true)
	public List<KeyPairRecord> page(String user, String marker, int limit) {
		if (marker == null) {
			return this.keyPairs.findByUserIdOrderByNameAsc(user, Limit.of(limit));
		}
		if (!this.keyPairs.existsByUserIdAndName(user, marker)) {
			throw new MarkerNotFoundException(marker);
		}
		return this.keyPairs.findByUserIdAndNameGreaterThanOrderByNameAsc(user, marker, Limit.of(limit));
	}

	@Transactional(readOnly = true)
	public Optional<KeyPairRecord> find(String user, String name) {
		return this.keyPairs.findByUserIdAndName(user, name);
	}

	/** @throws KeyPairNotFoundException if the user has no key pair of that name */
	@Transactional(readOnly = true)
	public KeyPairRecord get(String user, String name) {
		return find(user, name).orElseThrow(() -> new KeyPairNotFoundException(user, name));
	}

	/** @throws KeyPairNotFoundException if the user has no key pair of that name */
	@Transactional
	public void delete(String user, String name) {
		this.keyPairs.delete(get(user, name));
	}

	private KeyPairRecord save(String project, String user, String name, KeyType type, String publicKey,
			String fingerprint) {
		if (this.keyPairs.existsByUserIdAndName(user, name)) {
			throw new KeyPairExistsException(name);
		}
		return this.quotas.createKeyPair(project, user, () -> {
			try {
				return this.keyPairs.saveAndFlush(
						new KeyPairRecord(user, name, type, publicKey, fingerprint, this.clock.now()));
			}
			catch (DataIntegrityViolationException ex) {
				// the same name, registered by a concurrent request since the check above
				throw new KeyPairExistsException(name);
			}
		});
	}

	/** A generated key pair with its private key, which exists only in this answer. */
	public record Created(KeyPairRecord keyPair, String privateKey) {
	}

	/** Nova's {@code KeypairNotFound} (404). */
	public static class KeyPairNotFoundException extends RuntimeException {

		KeyPairNotFoundException(String user, String name) {
			super("Keypair " + name + " not found for user " + user);
		}

	}

	/** Nova's {@code KeyPairExists} (409). */
	public static class KeyPairExistsException extends RuntimeException {

		KeyPairExistsException(String name) {
			super("Key pair '" + name + "' already exists.");
		}

	}

	/** Nova's {@code InvalidKeypair} (400). */
	public static class InvalidKeyPairException extends RuntimeException {

		InvalidKeyPairException(String reason) {
			super("Keypair data is invalid: " + reason);
		}

	}

}
