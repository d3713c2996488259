package dev.novaboot.service.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.ServiceIdentity;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;
import dev.novaboot.service.record.ServiceRegistrar;
import dev.novaboot.service.testsupport.AuthTestSupport;
import dev.novaboot.service.testsupport.ServiceRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v2.1/os-services} as Nova's API reference describes it (microversion 2.53+).
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ServicesApiTests {

	private static final ParameterizedTypeReference<Map<String, List<Map<String, Object>>>> SERVICES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Map<String, Object>>> ONE = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	ServiceRecordRepository repository;

	@Autowired
	ServiceRegistrar registrar;

	@Autowired
	DatabaseClock clock;

	@Autowired
	JdbcTemplate jdbc;

	ServiceRows rows;

	@BeforeEach
	void rows() {
		this.rows = new ServiceRows(this.repository, this.clock, this.jdbc);
		// os-services is admin-only
		this.http = AuthTestSupport.asAdmin(this.http);
	}

	@Test
	void listsEveryServiceOfTheSuiteWithNovasFields() {
		ServiceRecord up = this.rows.service("api-list-a", "nova-compute", "compute", Duration.ofSeconds(3));
		ServiceRecord down = this.rows.service("api-list-b", "nova-compute", "compute", Duration.ofMinutes(10));

		List<Map<String, Object>> services = list("");

		assertThat(byId(services, up.getUuid())).containsEntry("binary", "nova-compute")
			.containsEntry("host", "api-list-a")
			.containsEntry("zone", "nova")
			.containsEntry("status", "enabled")
			.containsEntry("state", "up")
			.containsEntry("forced_down", false)
			.containsEntry("disabled_reason", null)
			.containsKey("updated_at");
		assertThat(byId(services, down.getUuid())).containsEntry("state", "down");
		assertThat(services).anySatisfy((service) -> assertThat(service).containsEntry("binary", "nova-sample"));
		assertThat((String) byId(services, up.getUuid()).get("updated_at"))
			.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
	}

	@Test
	void filtersByBinaryAndHost() {
		this.rows.service("api-filter-a", "nova-compute", "compute", Duration.ZERO);
		this.rows.service("api-filter-a", "nova-volume", "volume", Duration.ZERO);
		this.rows.service("api-filter-b", "nova-compute", "compute", Duration.ZERO);

		assertThat(list("?binary=nova-compute&host=api-filter-a")).singleElement()
			.satisfies((service) -> assertThat(service).containsEntry("binary", "nova-compute")
				.containsEntry("host", "api-filter-a"));
		assertThat(list("?host=api-filter-a")).hasSize(2);
		assertThat(list("?binary=nova-nothing")).isEmpty();
	}

	@Test
	void disableWithReasonThenEnableAgain() {
		ServiceRecord service = this.rows.service("api-disable", "nova-compute", "compute", Duration.ZERO);

		ResponseEntity<Map<String, Map<String, Object>>> disabled = put(service.getUuid(),
				"{\"status\":\"disabled\",\"disabled_reason\":\"maintenance\"}");
		assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(disabled.getBody().get("service")).containsEntry("status", "disabled")
			.containsEntry("disabled_reason", "maintenance")
			.containsEntry("state", "up");
		assertThat(byId(list("?host=api-disable"), service.getUuid())).containsEntry("status", "disabled");

		ResponseEntity<Map<String, Map<String, Object>>> enabled = put(service.getUuid(), "{\"status\":\"enabled\"}");
		assertThat(enabled.getBody().get("service")).containsEntry("status", "enabled")
			.containsEntry("disabled_reason", null);
	}

	@Test
	void forcedDownMakesTheServiceDownUntilUnset() {
		ServiceRecord service = this.rows.service("api-forced", "nova-compute", "compute", Duration.ZERO);

		assertThat(put(service.getUuid(), "{\"forced_down\":true}").getBody().get("service"))
			.containsEntry("forced_down", true)
			.containsEntry("state", "down");
		assertThat(put(service.getUuid(), "{\"forced_down\":false}").getBody().get("service"))
			.containsEntry("forced_down", false)
			.containsEntry("state", "up");
	}

	@Test
	void badUpdatesAre400WithAMessageAndChangeNothing() {
		ServiceRecord service = this.rows.service("api-bad", "nova-compute", "compute", Duration.ZERO);

		assertBadRequest(put(service.getUuid(), "{}"), "'status' or 'forced_down'");
		assertBadRequest(put(service.getUuid(), "{\"status\":\"sleeping\"}"), "must be 'enabled' or 'disabled'");
		assertBadRequest(put(service.getUuid(), "{\"status\":\"enabled\",\"disabled_reason\":\"x\"}"),
				"only accepted with");
		assertBadRequest(put(service.getUuid(), "{\"status\":"), "Malformed request body");
		assertBadRequest(put(service.getUuid(), "[1,2]"), "Malformed request body");
		assertBadRequest(put(service.getUuid(), "{\"forced_down\":\"perhaps\"}"), "Malformed request body");

		assertThat(this.rows.reload(service).isDisabled()).isFalse();
		assertThat(this.rows.reload(service).isForcedDown()).isFalse();
	}

	@Test
	void unknownServiceIs404InNovasFaultShape() {
		ResponseEntity<Map<String, Map<String, Object>>> response = put("no-such-id", "{\"status\":\"disabled\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().get("itemNotFound")).containsEntry("code", 404)
			.containsEntry("message", "Service no-such-id could not be found.");
		assertThat(this.http.exchange("/v2.1/os-services/no-such-id", HttpMethod.DELETE, null, ONE).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void deleteRemovesTheServiceFromTheListAndFreesItsHostAndBinary() {
		ServiceRecord service = this.rows.service("api-delete", "nova-compute", "compute", Duration.ZERO);

		ResponseEntity<Void> deleted = this.http.exchange("/v2.1/os-services/" + service.getUuid(), HttpMethod.DELETE,
				null, Void.class);
		assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(list("?host=api-delete")).isEmpty();
		assertThat(this.http.exchange("/v2.1/os-services/" + service.getUuid(), HttpMethod.DELETE, null, ONE)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ServiceRecord again = this.registrar.register(new ServiceIdentity("api-delete", "nova-compute", "compute", "nova"),
				null);
		assertThat(again.getUuid()).isNotEqualTo(service.getUuid());
		assertThat(list("?host=api-delete")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("id", again.getUuid()));
	}

	private List<Map<String, Object>> list(String query) {
		ResponseEntity<Map<String, List<Map<String, Object>>>> response = this.http
			.exchange("/v2.1/os-services" + query, HttpMethod.GET, null, SERVICES);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody().get("services");
	}

	private ResponseEntity<Map<String, Map<String, Object>>> put(String id, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.exchange("/v2.1/os-services/" + id, HttpMethod.PUT, new HttpEntity<>(json, headers), ONE);
	}

	private static Map<String, Object> byId(List<Map<String, Object>> services, String id) {
		return services.stream()
			.filter((service) -> id.equals(service.get("id")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no service " + id + " in " + services));
	}

	private static void assertBadRequest(ResponseEntity<Map<String, Map<String, Object>>> response, String message) {
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("badRequest")).containsEntry("code", 400);
		assertThat((String) response.getBody().get("badRequest").get("message")).contains(message);
	}

}
