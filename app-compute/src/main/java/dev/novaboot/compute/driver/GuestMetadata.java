package dev.novaboot.compute.driver;

import java.util.Map;

/**
 * What a guest learns about itself from its config drive (Nova's instance metadata):
 * its identity, where it runs, the user's metadata and the public key it should let in.
 *
 * @param uuid the instance's uuid
 * @param name its display name
 * @param hostname its hostname
 * @param availabilityZone the zone of its host
 * @param projectId its project
 * @param meta the user's metadata of the server
 * @param keyName the key pair it was booted with, null for none
 * @param publicKey that key pair's public key
 */
public record GuestMetadata(String uuid, String name, String hostname, String availabilityZone, String projectId,
		Map<String, String> meta, String keyName, String publicKey) {

	public GuestMetadata {
		meta = (meta != null) ? Map.copyOf(meta) : Map.of();
	}

}
