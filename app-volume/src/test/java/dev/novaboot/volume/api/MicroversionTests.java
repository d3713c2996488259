package dev.novaboot.volume.api;

import java.util.List;
import java.util.Map;

import dev.novaboot.volume.VolumeAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static dev.novaboot.volume.api.BlockStorageApiTests.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microversion negotiation as Cinder's {@code wsgi.Request.set_api_version_request} does
 * it: the {@code OpenStack-API-Version} header asks, the answer names the version that
 * answered (with {@code Vary}), 3.0 without a header, the newest for {@code latest},
 * {@code 406} outside the served range and {@code 400} for what is no version.
 */
@VolumeAppTest
class MicroversionTests {

	@Autowired
	TestRestTemplate http;

	BlockStorageClient member;

	@BeforeEach
	void client() {
		this.member = new BlockStorageClient(this.http, "project-versions", "vera", "member");
	}

	@Test
	void withoutAHeaderTheAnswerIsThreeZero() {
		ResponseEntity<Map<String, Object>> answer = this.member.get("/volumes");

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(answer.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("volume 3.0");
		assertThat(answer.getHeaders().get("Vary")).contains("OpenStack-API-Version");
	}

	@ParameterizedTest
	@CsvSource({ "volume 3.0, volume 3.0", "volume 3.1, volume 3.1", "volume 3.2, volume 3.2",
			"volume 3.3, volume 3.3", "volume latest, volume 3.3", "'compute 2.1, volume 3.1', volume 3.1",
			"'volume 3.2 ', volume 3.2" })
	void aServedVersionIsNegotiatedAndEchoed(String asked, String answered) {
		ResponseEntity<Map<String, Object>> answer = this.member.withVersionHeader(asked).get("/volumes/detail");

		assertThat(answer.getStatusCode().value()).isEqualTo(200);
		assertThat(answer.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo(answered);
		assertThat(answer.getHeaders().get("Vary")).contains("OpenStack-API-Version");
	}

	@Test
	void errorsAlsoNameTheVersionThatAnswered() {
		ResponseEntity<Map<String, Object>> answer = this.member.atVersion("3.2")
			.get("/volumes/00000000-0000-4000-8000-00000000dead");

		assertFault(answer, 404, "itemNotFound", "could not be found");
		assertThat(answer.getHeaders().getFirst("OpenStack-API-Version")).isEqualTo("volume 3.2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "3.4", "3.71", "2.0", "4.0", "3.1000" })
	void aVersionOutsideTheServedRangeIsNotAcceptable(String version) {
		ResponseEntity<Map<String, Object>> answer = this.member.atVersion(version).get("/volumes");

		assertFault(answer, 406, "computeFault",
				"Version " + version + " is not supported by the API. Minimum is 3.0 and maximum is 3.3.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "volume 3.01", "volume 3", "volume three", "volume 03.1", "volume 3.2.1", "volume",
			"volume 3.1 3.2", "compute 2.1", "" })
	void whatIsNoVolumeVersionIsABadRequest(String header) {
		ResponseEntity<Map<String, Object>> answer = this.member.withVersionHeader(header).get("/volumes");

		assertFault(answer, 400, "badRequest", "");
		assertThat(this.member.withVersionHeader(header).post("/volumes", Map.of("volume", Map.of("size", 1)))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(this.member.list("/volumes", "volumes")).isEmpty();
	}

	@Test
	void theVersionDocumentTellsTheServedRange() {
		for (String path : List.of("/", "/v3")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> version = ((List<Map<String, Object>>) this.member.get(path).getBody().get("versions"))
				.get(0);
			assertThat(version).containsEntry("min_version", "3.0").containsEntry("version", "3.3");
		}
	}

}
