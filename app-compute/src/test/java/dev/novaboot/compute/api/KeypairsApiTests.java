package dev.novaboot.compute.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key pairs as Nova's os-keypairs API gives them: generated pairs whose private key OpenSSH
 * reads, imported public keys fingerprinted as ssh-keygen does, the shapes of each
 * microversion, another user's pairs for admins only, and Nova's faults for bad input.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class KeypairsApiTests {

	@Autowired
	TestRestTemplate http;

	ComputeApiClient member;

	final List<String> created = new ArrayList<>();

	@TempDir
	Path directory;

	@BeforeEach
	void clients() {
		this.member = new ComputeApiClient(this.http, "project-keypairs", "member");
	}

	@AfterEach
	void deleteCreated() {
		this.created.forEach((name) -> this.member.delete("/v2.1/os-keypairs/" + name));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aGeneratedPairsPrivateKeyIsReturnedOnceAndOpenSshDerivesItsPublicKeyFromIt() throws Exception {
		ResponseEntity<Map<String, Object>> response = this.member.at("2.2")
			.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "generated")));
		this.created.add("generated");

		assertThat(response.getStatusCode().value()).isEqualTo(201);
		Map<String, Object> keypair = (Map<String, Object>) response.getBody().get("keypair");
		assertThat(keypair).containsOnlyKeys("name", "public_key", "fingerprint", "private_key", "user_id", "type")
			.containsEntry("name", "generated")
			.containsEntry("type", "ssh")
			.containsEntry("user_id", "user-of-project-keypairs");
		String privateKey = (String) keypair.get("private_key");
		String publicKey = (String) keypair.get("public_key");
		assertThat(privateKey).startsWith("-----BEGIN RSA PRIVATE KEY-----");
		assertThat(publicKey).startsWith("ssh-rsa ").endsWith(" Generated-by-Nova");

		Path file = this.directory.resolve("id_rsa");
		Files.writeString(file, privateKey);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		assertThat(run("ssh-keygen", "-y", "-f", file.toString()).strip())
			.isEqualTo(publicKey.substring(0, publicKey.lastIndexOf(' ')));
		Path pub = this.directory.resolve("id_rsa.pub");
		Files.writeString(pub, publicKey + "\n");
		assertThat(run("ssh-keygen", "-l", "-E", "md5", "-f", pub.toString()))
			.contains("MD5:" + keypair.get("fingerprint"));

		Map<String, Object> shown = (Map<String, Object>) this.member.get("/v2.1/os-keypairs/generated")
			.getBody()
			.get("keypair");
		assertThat(shown).doesNotContainKey("private_key").containsEntry("public_key", publicKey);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anImportedKeyIsFingerprintedAsSshKeygenDoesAndShownWithNovasFields() throws Exception {
		String publicKey = newSshKey("ed25519");
		ResponseEntity<Map<String, Object>> response = this.member.post("/v2.1/os-keypairs",
				Map.of("keypair", Map.of("name", "imported key", "public_key", publicKey)));
		this.created.add("imported key");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> keypair = (Map<String, Object>) response.getBody().get("keypair");
		assertThat(keypair).containsOnlyKeys("name", "public_key", "fingerprint", "user_id")
			.containsEntry("public_key", publicKey);
		Path pub = this.directory.resolve("key.pub");
		Files.writeString(pub, publicKey);
		assertThat(run("ssh-keygen", "-l", "-E", "md5", "-f", pub.toString()))
			.contains("MD5:" + keypair.get("fingerprint"));

		Map<String, Object> shown = (Map<String, Object>) this.member.get("/v2.1/os-keypairs/imported key")
			.getBody()
			.get("keypair");
		assertThat(shown).containsOnlyKeys("name", "public_key", "fingerprint", "user_id", "created_at", "deleted",
				"deleted_at", "id", "updated_at")
			.containsEntry("deleted", false)
			.containsEntry("deleted_at", null)
			.containsEntry("updated_at", null);
		assertThat((String) shown.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
		assertThat(shown.get("id")).isInstanceOf(Integer.class);
		assertThat(this.member.at("2.2").get("/v2.1/os-keypairs/imported key").getBody().get("keypair"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("type", "ssh");
	}

	@Test
	void listsShowOnlyTheCallersPairsByNameAndPageByNameFrom235() throws Exception {
		for (String name : List.of("k-c", "k-a", "k-b")) {
			this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", name, "public_key", newSshKey("ed25519"))));
			this.created.add(name);
		}
		ComputeApiClient stranger = new ComputeApiClient(this.http, "project-keypairs-other", "member");
		assertThat(names(stranger.get("/v2.1/os-keypairs"))).isEmpty();
		assertThat(stranger.get("/v2.1/os-keypairs/k-a").getStatusCode().value()).isEqualTo(404);

		assertThat(names(this.member.get("/v2.1/os-keypairs"))).containsExactly("k-a", "k-b", "k-c");
		// before 2.35, limit is no parameter of this API
		assertThat(names(this.member.get("/v2.1/os-keypairs?limit=1"))).hasSize(3);
		ResponseEntity<Map<String, Object>> first = this.member.at("2.35").get("/v2.1/os-keypairs?limit=2");
		assertThat(names(first)).containsExactly("k-a", "k-b");
		assertThat(first.getBody().get("keypairs_links").toString()).contains("marker=k-b");
		ResponseEntity<Map<String, Object>> last = this.member.at("2.35").get("/v2.1/os-keypairs?limit=2&marker=k-b");
		assertThat(names(last)).containsExactly("k-c");
		assertThat(last.getBody()).doesNotContainKey("keypairs_links");
		assertFault(this.member.at("2.35").get("/v2.1/os-keypairs?marker=k-z"), 400, "Marker k-z could not be found.");
		assertFault(this.member.at("2.35").get("/v2.1/os-keypairs?limit=-1"), 400, "limit must be >= 0");
	}

	@Test
	void anotherUsersPairsAreAnAdminsBusinessFrom210() throws Exception {
		this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "mine", "public_key", newSshKey("ed25519"))));
		this.created.add("mine");
		ComputeApiClient admin = new ComputeApiClient(this.http, "project-keypairs-admin", "admin");
		ComputeApiClient stranger = new ComputeApiClient(this.http, "project-keypairs-other", "member");

		assertThat(names(admin.at("2.10").get("/v2.1/os-keypairs?user_id=user-of-project-keypairs")))
			.containsExactly("mine");
		assertThat(admin.at("2.10").get("/v2.1/os-keypairs/mine?user_id=user-of-project-keypairs").getStatusCode()
			.value()).isEqualTo(200);
		assertFault(stranger.at("2.10").get("/v2.1/os-keypairs?user_id=user-of-project-keypairs"), 403,
				"Policy doesn't allow os_compute_api:os-keypairs:index to be performed.");
		assertFault(stranger.at("2.10").delete("/v2.1/os-keypairs/mine?user_id=user-of-project-keypairs"), 403,
				"os-keypairs:delete");

		ResponseEntity<Map<String, Object>> forUser = admin.at("2.10")
			.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "given", "user_id", "user-of-project-keypairs",
					"public_key", newSshKey("ed25519"))));
		this.created.add("given");
		assertThat(forUser.getStatusCode().value()).isEqualTo(201);
		assertThat(names(this.member.get("/v2.1/os-keypairs"))).containsExactly("given", "mine");
		// below 2.10 user_id is no field of the body
		assertFault(admin.at("2.9").post("/v2.1/os-keypairs",
				Map.of("keypair", Map.of("name", "x", "user_id", "someone"))), 400, "('user_id' was unexpected)");
	}

	@Test
	void deletingAnswers202At21And204Later() throws Exception {
		this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "old", "public_key", newSshKey("ed25519"))));
		this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "new", "public_key", newSshKey("ed25519"))));

		assertThat(this.member.delete("/v2.1/os-keypairs/old").getStatusCode().value()).isEqualTo(202);
		assertThat(this.member.at("2.2").delete("/v2.1/os-keypairs/new").getStatusCode().value()).isEqualTo(204);
		assertFault(this.member.delete("/v2.1/os-keypairs/old"), 404,
				"Keypair old not found for user user-of-project-keypairs");
	}

	@Test
	void x509CertificatesAreImportedAndGeneratedFrom22() throws Exception {
		ResponseEntity<Map<String, Object>> generated = this.member.at("2.2")
			.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "winrm", "type", "x509")));
		this.created.add("winrm");
		assertThat(generated.getStatusCode().value()).isEqualTo(201);
		@SuppressWarnings("unchecked")
		Map<String, Object> keypair = (Map<String, Object>) generated.getBody().get("keypair");
		String certificate = (String) keypair.get("public_key");
		assertThat(certificate).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat((String) keypair.get("fingerprint")).matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");

		ResponseEntity<Map<String, Object>> imported = this.member.at("2.2")
			.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "winrm-copy", "type", "x509",
					"public_key", certificate)));
		this.created.add("winrm-copy");
		assertThat(imported.getBody().get("keypair")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("fingerprint", keypair.get("fingerprint"));
		assertFault(this.member.at("2.2").post("/v2.1/os-keypairs",
				Map.of("keypair", Map.of("name", "bad-cert", "type", "x509", "public_key", "not a certificate"))), 400,
				"Keypair data is invalid: failed to generate X509 fingerprint.");
	}

	@Test
	void badKeysNamesAndBodiesAre400AndADuplicateIs409() throws Exception {
		String key = newSshKey("ed25519");
		this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "taken", "public_key", key)));
		this.created.add("taken");

		assertFault(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "taken"))), 409,
				"Key pair 'taken' already exists.");
		assertFault(this.member.post("/v2.1/os-keypairs",
				Map.of("keypair", Map.of("name", "junk", "public_key", "ssh-rsa not-base64!"))), 400,
				"Keypair data is invalid: failed to generate fingerprint");
		// a blob that says it is an ed25519 key on a line that says ssh-rsa
		assertFault(this.member.post("/v2.1/os-keypairs",
				Map.of("keypair", Map.of("name", "junk", "public_key", key.replace("ssh-ed25519", "ssh-rsa")))), 400,
				"failed to generate fingerprint");
		assertFault(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "bad/name"))), 400,
				"does not match");
		assertFault(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", ""))), 400,
				"Invalid input for field/attribute name.");
		assertFault(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", 7))), 400,
				"It is not of type 'string'.");
		assertFault(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of())), 400,
				"'name' is a required property");
		assertFault(this.member.post("/v2.1/os-keypairs", Map.of("keypair", Map.of("name", "t", "type", "ssh"))), 400,
				"('type' was unexpected)");
		assertFault(this.member.at("2.2").post("/v2.1/os-keypairs",
				Map.of("keypair", Map.of("name", "t", "type", "pgp"))), 400, "'pgp' is not one of ['ssh', 'x509']");
		assertFault(this.member.post("/v2.1/os-keypairs", Map.of("pair", Map.of("name", "t"))), 400,
				"('pair' was unexpected)");
		assertThat(names(this.member.get("/v2.1/os-keypairs"))).containsExactly("taken");
	}

	private String newSshKey(String type) throws IOException, InterruptedException {
		Path file = Files.createTempFile(this.directory, "key", "");
		Files.delete(file);
		run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "someone@example.org", "-f", file.toString());
		return Files.readString(Path.of(file + ".pub")).strip();
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	@SuppressWarnings("unchecked")
	private static List<String> names(ResponseEntity<Map<String, Object>> response) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
		return ((List<Map<String, Map<String, Object>>>) response.getBody().get("keypairs")).stream()
			.map((entry) -> (String) entry.get("keypair").get("name"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static void assertFault(ResponseEntity<Map<String, Object>> response, int status, String message) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		Map<String, Object> fault = (Map<String, Object>) response.getBody().values().iterator().next();
		assertThat(fault).containsEntry("code", status);
		assertThat((String) fault.get("message")).contains(message);
	}

}
