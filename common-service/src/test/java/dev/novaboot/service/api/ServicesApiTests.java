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
 * {@code /v2.1/os-services} as Nova's API reference describes it, at microversion 2.53
 * (uuids, {@code PUT /os-services/{uuid}}) and before it (integer ids, the update actions
 * named in the path, no {@code forced_down} before 2.11).
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
		assertBadRequest(put(service.getUuid(), "{\"forced_down\":\"perhaps\"}"), "It must be a boolean");
		assertBadRequest(put(service.getUuid(), "{\"status\":\"disabled\",\"host\":\"x\"}"),
				"'host' was unexpected");

		assertThat(this.rows.reload(service).isDisabled()).isFalse();
		assertThat(this.rows.reload(service).isForcedDown()).isFalse();
	}

	@Test
	void unknownServiceIs404AndAnIdThatIsNoUuidIs400InNovasFaultShape() {
		String unknown = "4f5e2a0c-1b7d-4d8e-9a6f-0c1d2e3f4a5b";
		ResponseEntity<Map<String, Map<String, Object>>> response = put(unknown, "{\"status\":\"disabled\"}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody().get("itemNotFound")).containsEntry("code", 404)
			.containsEntry("message", "Service " + unknown + " could not be found.");
		assertThat(delete(unknown, "2.53").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		assertBadRequest(put("no-such-id", "{\"status\":\"disabled\"}"), "Invalid uuid no-such-id");
		assertBadRequest(delete("no-such-id", "2.53"), "Invalid uuid no-such-id");
		assertBadRequest(delete("17", "2.53"), "Invalid uuid 17");
	}

	@Test
	void before253IdsAreIntegersAndForcedDownAppearsFrom211() {
		ServiceRecord service = this.rows.service("api-v21", "nova-compute", "compute", Duration.ZERO);

		assertThat(list("?host=api-v21", "2.1")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("id", service.getId().intValue())
				.containsEntry("binary", "nova-compute")
				.containsEntry("status", "enabled")
				.doesNotContainKey("forced_down"));
		assertThat(list("?host=api-v21", "2.11")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("id", service.getId().intValue())
				.containsEntry("forced_down", false));
		assertThat(list("?host=api-v21", "2.52")).singleElement()
			.satisfies((row) -> assertThat(row.get("id")).isInstanceOf(Integer.class));
		assertThat(list("?host=api-v21", "2.53")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("id", service.getUuid()));
	}

	@Test
	void before253UpdatesNameTheActionInThePathAndTheServiceInTheBody() {
		ServiceRecord service = this.rows.service("api-v21-put", "nova-compute", "compute", Duration.ZERO);
		String target = "\"host\":\"api-v21-put\",\"binary\":\"nova-compute\"";

		ResponseEntity<Map<String, Map<String, Object>>> disabled = put("disable-log-reason",
				"{" + target + ",\"disabled_reason\":\"maintenance\"}", "2.1");
		assertThat(disabled.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(disabled.getBody().get("service")).containsExactlyInAnyOrderEntriesOf(Map.of("host", "api-v21-put",
				"binary", "nova-compute", "status", "disabled", "disabled_reason", "maintenance"));
		assertThat(this.rows.reload(service).getDisabledReason()).isEqualTo("maintenance");

		assertThat(put("enable", "{" + target + "}", "2.1").getBody().get("service"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("host", "api-v21-put", "binary", "nova-compute", "status",
					"enabled"));
		assertThat(put("disable", "{" + target + "}", "2.1").getBody().get("service")).containsEntry("status",
				"disabled");
		assertThat(this.rows.reload(service).isDisabled()).isTrue();

		assertThat(put("force-down", "{" + target + ",\"forced_down\":true}", "2.11").getBody().get("service"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("host", "api-v21-put", "binary", "nova-compute", "forced_down",
					true));
		assertThat(this.rows.reload(service).isForcedDown()).isTrue();
	}

	@Test
	void before253BadUpdatesAreRefusedAndChangeNothing() {
		ServiceRecord service = this.rows.service("api-v21-bad", "nova-compute", "compute", Duration.ZERO);
		String target = "\"host\":\"api-v21-bad\",\"binary\":\"nova-compute\"";

		// force-down exists from 2.11 only; a uuid is no action before 2.53
		assertThat(put("force-down", "{" + target + ",\"forced_down\":true}", "2.10").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(put(service.getUuid(), "{\"status\":\"disabled\"}", "2.52").getBody().get("itemNotFound"))
			.containsEntry("message", "Unknown action");
		assertBadRequest(put("disable", "{\"host\":\"api-v21-bad\"}", "2.1"), "'binary' is a required property");
		assertBadRequest(put("disable-log-reason", "{" + target + "}", "2.1"), "Missing disabled reason field");
		assertBadRequest(put("force-down", "{" + target + "}", "2.11"), "Missing forced_down field");
		assertBadRequest(put("disable", "{" + target + ",\"forced_down\":true}", "2.10"), "'forced_down' was unexpected");
		assertBadRequest(put("disable", "{\"host\":\"\",\"binary\":\"nova-compute\"}", "2.1"),
				"Invalid input for field/attribute host");
		assertThat(put("disable", "{\"host\":\"nowhere\",\"binary\":\"nova-compute\"}", "2.1").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		assertThat(this.rows.reload(service).isDisabled()).isFalse();
		assertThat(this.rows.reload(service).isForcedDown()).isFalse();
	}

	@Test
	void before253DeleteTakesTheIntegerId() {
		ServiceRecord service = this.rows.service("api-v21-delete", "nova-compute", "compute", Duration.ZERO);

		assertBadRequest(delete(service.getUuid(), "2.1"), "id must be an integer");
		assertThat(delete("999999999", "2.1").getBody().get("itemNotFound")).containsEntry("message",
				"Service 999999999 not found.");
		assertThat(delete(service.getId().toString(), "2.1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(list("?host=api-v21-delete", "2.1")).isEmpty();
	}

	@Test
	void deleteRemovesTheServiceFromTheListAndFreesItsHostAndBinary() {
		ServiceRecord service = this.rows.service("api-delete", "nova-compute", "compute", Duration.ZERO);

		ResponseEntity<Map<String, Map<String, Object>>> deleted = delete(service.getUuid(), "2.53");
		assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(list("?host=api-delete")).isEmpty();
		assertThat(delete(service.getUuid(), "2.53").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		ServiceRecord again = this.registrar.register(new ServiceIdentity("api-delete", "nova-compute", "compute", "nova"),
				null);
		assertThat(again.getUuid()).isNotEqualTo(service.getUuid());
		assertThat(list("?host=api-delete")).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("id", again.getUuid()));
	}

	private List<Map<String, Object>> list(String query) {
		return list(query, "2.53");
	}

	private List<Map<String, Object>> list(String query, String version) {
		ResponseEntity<Map<String, List<Map<String, Object>>>> response = this.http
			.exchange("/v2.1/os-services" + query, HttpMethod.GET, new HttpEntity<>(at(version)), SERVICES);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody().get("services");
	}

	private ResponseEntity<Map<String, Map<String, Object>>> put(String id, String json) {
		return put(id, json, "2.53");
	}

	private ResponseEntity<Map<String, Map<String, Object>>> put(String id, String json, String version) {
		HttpHeaders headers = at(version);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.exchange("/v2.1/os-services/" + id, HttpMethod.PUT, new HttpEntity<>(json, headers), ONE);
	}

	private ResponseEntity<Map<String, Map<String, Object>>> delete(String id, String version) {
		return this.http.exchange("/v2.1/os-services/" + id, HttpMethod.DELETE, new HttpEntity<>(at(version)), ONE);
	}

	// no header at all for 2.1, the client's default
	private static HttpHeaders at(String version) {
		HttpHeaders headers = new HttpHeaders();
		if (!version.equals("2.1")) {
			headers.set("OpenStack-API-Version", "compute " + version);
		}
		return headers;
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
