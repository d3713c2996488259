package dev.novaboot.service.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nova's service administration API, {@code /v2.1/os-services}; every app of the suite
 * serves it and lists the services of the whole suite. Its shape follows the microversion:
 * before 2.53 services are named by their integer id (delete) or by host and binary in the
 * body of {@code PUT /os-services/enable|disable|disable-log-reason|force-down}; from 2.53
 * by uuid, {@code PUT /os-services/{uuid}} with the changes in the body.
 */
@RestController
@RequestMapping("/v2.1/os-services")
class ServicesController {

	private static final int MAX_FIELD_LENGTH = 255;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final ServiceAdministration administration;

	ServicesController(ServiceAdministration administration) {
		this.administration = administration;
	}

	/**
	 * Writes the list as the rows arrive from the database, each row's view built and
	 * written on its own: the memory and time it takes grow with the rows and nothing
	 * more (a list of 50,000 maps took seconds). The answer is committed only once the
	 * first buffer is full, so a failure before that still gets a fault.
	 */
	@GetMapping
	void list(@RequestParam(required = false) String binary, @RequestParam(required = false) String host,
			Microversion version, HttpServletResponse response) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		JsonGenerator json = JSON.createGenerator(response.getOutputStream());
		json.writeStartObject();
		json.writeName("services");
		json.writeStartArray();
		this.administration.forEach(binary, host, (service) -> json.writePOJO(ServiceView.of(service, version)));
		json.writeEndArray();
		json.writeEndObject();
		json.close();
	}

	@PutMapping("/{id}")
	Map<String, Map<String, Object>> update(@PathVariable String id, @RequestBody Map<String, Object> body,
			Microversion version) {
		if (version.isAtLeast(2, 53)) {
			if (!Uuids.isUuid(id)) {
				throw new BadRequestException("Invalid uuid " + id);
			}
			return Map.of("service", ServiceView.of(this.administration.update(id, ServiceUpdate.of(body)), version));
		}
		return Map.of("service", updateByAction(id, body, version));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id, Microversion version) {
		if (version.isAtLeast(2, 53)) {
			if (!Uuids.isUuid(id)) {
				throw new BadRequestException("Invalid uuid " + id);
			}
			this.administration.delete(id);
			return;
		}
		this.administration.delete(integerId(id));
	}

	// microversions 2.1 to 2.52: the action in the path, the service in the body
	private Map<String, Object> updateByAction(String action, Map<String, Object> body, Microversion version) {
		boolean forceDown = action.equals("force-down") && version.isAtLeast(2, 11);
		if (!forceDown && !Set.of("enable", "disable", "disable-log-reason").contains(action)) {
			throw new NotFoundException("Unknown action");
		}
		Set<String> allowed = version.isAtLeast(2, 11) ? Set.of("host", "binary", "disabled_reason", "forced_down")
				: Set.of("host", "binary", "disabled_reason");
		for (String field : body.keySet()) {
			if (!allowed.contains(field)) {
				throw new BadRequestException(
						"Additional properties are not allowed ('" + shown(field) + "' was unexpected)");
			}
		}
		String host = requiredString(body, "host");
		String binary = requiredString(body, "binary");
		String reason = optionalString(body, "disabled_reason");
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("host", host);
		view.put("binary", binary);
		if (forceDown) {
			if (!body.containsKey("forced_down")) {
				throw new BadRequestException("Missing forced_down field");
			}
			boolean forcedDown = ServiceUpdate.bool(body.get("forced_down"), "forced_down");
			this.administration.update(host, binary, null, null, forcedDown);
			view.put("forced_down", forcedDown);
			return view;
		}
		if (action.equals("disable-log-reason") && reason == null) {
			throw new BadRequestException("Missing disabled reason field");
		}
		boolean disable = !action.equals("enable");
		String kept = action.equals("disable-log-reason") ? reason : null;
		this.administration.update(host, binary, disable, kept, null);
		view.put("status", disable ? "disabled" : "enabled");
		if (kept != null) {
			view.put("disabled_reason", kept);
		}
		return view;
	}

	// a value in a message, cut to a readable length
	static String shown(String value) {
		return (value.length() <= 64) ? value : value.substring(0, 64) + "... (" + value.length() + " characters)";
	}

	private static long integerId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("Invalid input received: id must be an integer");
		}
	}

	private static String requiredString(Map<String, Object> body, String field) {
		String value = optionalString(body, field);
		if (value == null) {
			throw new BadRequestException("'" + field + "' is a required property");
		}
		return value;
	}

	private static String optionalString(Map<String, Object> body, String field) {
		Object value = body.get(field);
		if (value == null && !body.containsKey(field)) {
			return null;
		}
		if (!(value instanceof String text) || text.isEmpty() || text.length() > MAX_FIELD_LENGTH) {
			throw new BadRequestException("Invalid input for field/attribute " + field + ". Value: "
					+ shown(String.valueOf(value)) + ". It must be a string of 1 to " + MAX_FIELD_LENGTH
					+ " characters.");
		}
		return text;
	}

}
