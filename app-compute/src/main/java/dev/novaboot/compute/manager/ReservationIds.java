package dev.novaboot.compute.manager;

import java.security.SecureRandom;

/**
 * Nova's reservation ids ({@code r-} and eight random lower-case letters and digits),
 * which name the instances of one create request.
 */
final class ReservationIds {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReservationIds() {
	}

	static String next() {
		StringBuilder id = new StringBuilder("r-");
		for (int i = 0; i < 8; i++) {
			id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return id.toString();
	}

}
