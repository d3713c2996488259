package dev.novaboot.compute.manager;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key material of Nova's key pairs ({@code nova.crypto}): fingerprints of imported
 * keys, which also prove them well formed, and generated pairs. An SSH pair is a 2048-bit
 * RSA key, the private half as PKCS#1 PEM ({@code RSA PRIVATE KEY}, what OpenSSH and
 * paramiko read), the public half in OpenSSH's one-line format, fingerprinted by the MD5
 * of its key blob. An X.509 pair is a self-signed certificate for {@code CN=<user>}, valid
 * ten years, its private key a PKCS#12 store with an empty password, base64-encoded.
 */
final class KeyMaterial {

	private static final int RSA_BITS = 2048;

	private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(3650);

	private KeyMaterial() {
	}

	/** A generated pair: the private key (shown to the user once), the public key and its fingerprint. */
	record Generated(String privateKey, String publicKey, String fingerprint) {
	}

	/**
	 * The fingerprint of an OpenSSH public key ({@code <type> <base64 blob> [comment]}).
	 * @throws KeyPairs.InvalidKeyPairException if it is no such key
	 */
	static String sshFingerprint(String publicKey) {
		String[] parts = publicKey.strip().split("\\s+", 3);
		if (parts.length < 2) {
			throw invalidSsh();
		}
		byte[] blob;
		try {
			blob = Base64.getDecoder().decode(parts[1]);
			// the blob names its own type first, which must be the one the line declares
			if (!parts[0].equals(blobType(blob))) {
				throw invalidSsh();
			}
			OpenSSHPublicKeyUtil.parsePublicKey(blob);
		}
		catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException ex) {
			throw invalidSsh();
		}
		return colonHex(digest("MD5", blob));
	}

	/**
	 * The SHA-1 fingerprint of a PEM X.509 certificate.
	 * @throws KeyPairs.InvalidKeyPairException if it is no certificate
	 */
	static String x509Fingerprint(String certificate) {
		try {
			Certificate parsed = CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(certificate.getBytes(StandardCharsets.UTF_8)));
			return colonHex(digest("SHA-1", parsed.getEncoded()));
		}
		catch (GeneralSecurityException ex) {
			throw new KeyPairs.InvalidKeyPairException(
					"failed to generate X509 fingerprint. Error message: " + ex.getMessage());
		}
	}

	/** A new RSA key pair for SSH, its public key commented as Nova's are. */
	static Generated generateSsh() {
		KeyPair pair = rsaPair();
		RSAPublicKey rsa = (RSAPublicKey) pair.getPublic();
		StringWriter pem = new StringWriter();
		byte[] blob;
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			blob = OpenSSHPublicKeyUtil
				.encodePublicKey(new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent()));
			writer.writeObject(pair.getPrivate());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a key to memory", ex);
		}
		String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " Generated-by-Nova";
		return new Generated(pem.toString(), publicKey, colonHex(digest("MD5", blob)));
	}

	/** A new self-signed certificate for {@code user} and its key, for WinRM. */
	static Generated generateX509(String user, Instant now) {
		KeyPair pair = rsaPair();
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, user).build();
		try {
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()), Date.from(now),
						Date.from(now.plus(CERTIFICATE_VALIDITY)), subject, pair.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			StringWriter pem = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
				writer.writeObject(certificate);
			}
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(user, pair.getPrivate(), new char[0], new Certificate[] { certificate });
			ByteArrayOutputStream pkcs12 = new ByteArrayOutputStream();
			store.store(pkcs12, new char[0]);
			return new Generated(Base64.getEncoder().encodeToString(pkcs12.toByteArray()), pem.toString(),
					colonHex(digest("SHA-1", certificate.getEncoded())));
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException("Cannot make a certificate", ex);
		}
	}

	private static KeyPair rsaPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(RSA_BITS);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK cannot generate RSA keys", ex);
		}
	}

	// the first field of an SSH key blob: a 4-byte length, then the key type's name
	private static String blobType(byte[] blob) {
		if (blob.length < 4) {
			throw new IllegalArgumentException("too short");
		}
		int length = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
		if (length < 0 || length > blob.length - 4) {
			throw new IllegalArgumentException("bad length");
		}
		return new String(blob, 4, length, StandardCharsets.US_ASCII);
	}

	private static byte[] digest(String algorithm, byte[] data) {
		try {
			return MessageDigest.getInstance(algorithm).digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This JDK has no " + algorithm, ex);
		}
	}

	// aa:bb:cc..., as Nova prints fingerprints
	private static String colonHex(byte[] digest) {
		return HexFormat.ofDelimiter(":").formatHex(digest);
	}

	private static KeyPairs.InvalidKeyPairException invalidSsh() {
		return new KeyPairs.InvalidKeyPairException("failed to generate fingerprint");
	}

}
