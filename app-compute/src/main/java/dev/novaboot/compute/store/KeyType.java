package dev.novaboot.compute.store;

import java.util.Arrays;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;

/**
 * Nova's key pair types, stored and shown as Nova's words: an OpenSSH public key
 * ({@code ssh}), or an X.509 certificate for WinRM ({@code x509}).
 */
public enum KeyType {

	SSH("ssh"), X509("x509");

	private final String value;

	KeyType(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

	/** The type Nova's word names, empty for any other word. */
	public static Optional<KeyType> of(String value) {
		return Arrays.stream(values()).filter((type) -> type.value.equals(value)).findFirst();
	}

	@jakarta.persistence.Converter
	static class Converter implements AttributeConverter<KeyType, String> {

		@Override
		public String convertToDatabaseColumn(KeyType type) {
			return type.value();
		}

		@Override
		public KeyType convertToEntityAttribute(String value) {
			return of(value).orElseThrow(() -> new IllegalStateException("Unknown key pair type " + value));
		}

	}

}
