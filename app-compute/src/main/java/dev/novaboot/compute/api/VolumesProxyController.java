package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Nova's {@code os-volumes} proxy (up to 2.35; not found from 2.36): the Block Storage
 * API's volumes in Nova's camel-case shape, listed, shown, created and deleted as the
 * caller. Create answers 200 with the new volume, delete 202, as Nova does.
 */
@RestController
class VolumesProxyController {

	private static final Set<String> CREATE_FIELDS = Set.of("volume_type", "metadata", "snapshot_id", "size",
			"availability_zone", "display_name", "display_description");

	private final SiblingApis siblings;

	VolumesProxyController(SiblingApis siblings) {
		this.siblings = siblings;
	}

	@GetMapping({ "/v2.1/os-volumes", "/v2.1/os-volumes/detail" })
	Map<String, Object> list(RequestContext context, @RequestHeader HttpHeaders caller,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
			Microversion version) {
		ProxyLimits.checkProxyVersion(version);
		ProxyLimits.Page page = ProxyLimits.page(limit, offset);
		List<Map<String, Object>> volumes = ProxyViews.listOf(
				cinder(context, caller, HttpMethod.GET, "/volumes/detail", null).get("volumes"));
		return Map.of("volumes", page.of(volumes).stream().map(ProxyViews::volume).toList());
	}

	@GetMapping("/v2.1/os-volumes/{id}")
	Map<String, Object> show(RequestContext context, @RequestHeader HttpHeaders caller, @PathVariable String id,
			Microversion version) {
		ProxyLimits.checkProxyVersion(version);
		return Map.of("volume", ProxyViews.volume(volume(cinder(context, caller, HttpMethod.GET, "/volumes/" + id, null))));
	}

	@DeleteMapping("/v2.1/os-volumes/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @RequestHeader HttpHeaders caller, @PathVariable String id,
			Microversion version) {
		ProxyLimits.checkProxyVersion(version);
		cinder(context, caller, HttpMethod.DELETE, "/volumes/" + id, null);
	}

	@PostMapping("/v2.1/os-volumes")
	ResponseEntity<Map<String, Object>> create(RequestContext context, @RequestHeader HttpHeaders caller,
			@RequestBody Map<String, Object> body, Microversion version) {
		ProxyLimits.checkProxyVersion(version);
		Map<String, Object> volume = createBody(body);
		Map<String, Object> request = new LinkedHashMap<>();
		Object size = volume.get("size");
		request.put("size", Integer.valueOf(size.toString()));
		copy(volume, "display_name", request, "name");
		copy(volume, "display_description", request, "description");
		copy(volume, "snapshot_id", request, "snapshot_id");
		copy(volume, "volume_type", request, "volume_type");
		copy(volume, "metadata", request, "metadata");
		copy(volume, "availability_zone", request, "availability_zone");
		if (volume.get("snapshot_id") != null) {
			// Nova looks the snapshot up first: an unknown one is a 404
			cinder(context, caller, HttpMethod.GET, "/snapshots/" + volume.get("snapshot_id"), null);
		}
		Map<String, Object> created = volume(
				cinder(context, caller, HttpMethod.POST, "/volumes", Map.of("volume", request)));
		String location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(created.get("id"))
			.toUriString();
		return ResponseEntity.ok().header("Location", location).body(Map.of("volume", ProxyViews.volume(created)));
	}

	// Nova's create schema: a volume object with only its fields, a whole size of at least 1, strings elsewhere
	@SuppressWarnings("unchecked")
	private static Map<String, Object> createBody(Map<String, Object> body) {
		for (String field : new TreeSet<>(body.keySet())) {
			if (!"volume".equals(field)) {
				throw new BadRequestException("Invalid input for field/attribute body. "
						+ "Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		if (!(body.get("volume") instanceof Map<?, ?> given)) {
			throw body.containsKey("volume") ? ServerRequests.invalid("volume", body.get("volume"),
					"It is not of type 'object'.")
					: new BadRequestException("Invalid input for field/attribute body. 'volume' is a required property");
		}
		Map<String, Object> volume = (Map<String, Object>) given;
		for (String field : new TreeSet<>(volume.keySet())) {
			if (!CREATE_FIELDS.contains(field)) {
				throw new BadRequestException("Invalid input for field/attribute volume. "
						+ "Additional properties are not allowed ('" + field + "' was unexpected)");
			}
		}
		if (!volume.containsKey("size")) {
			throw new BadRequestException("Invalid input for field/attribute volume. 'size' is a required property");
		}
		Object size = volume.get("size");
		if (!(size instanceof Integer) && !(size instanceof String)) {
			throw ServerRequests.invalid("size", size, "It is not of type 'integer', 'string'.");
		}
		if (!size.toString().matches("[0-9]{1,9}")) {
			throw ServerRequests.invalid("size", size, "'" + size + "' does not match '^[0-9]+$'");
		}
		if (Integer.parseInt(size.toString()) < 1) {
			throw ServerRequests.invalid("size", size, size + " is less than the minimum of 1");
		}
		for (String field : List.of("volume_type", "snapshot_id", "availability_zone", "display_name",
				"display_description")) {
			if (volume.containsKey(field) && !(volume.get(field) instanceof String)) {
				throw ServerRequests.invalid(field, volume.get(field), "It is not of type 'string'.");
			}
		}
		if (volume.containsKey("metadata") && !(volume.get("metadata") instanceof Map)) {
			throw ServerRequests.invalid("metadata", volume.get("metadata"), "It is not of type 'object'.");
		}
		return volume;
	}

	private static void copy(Map<String, Object> from, String field, Map<String, Object> to, String as) {
		if (from.get(field) != null) {
			to.put(as, from.get(field));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> volume(Map<String, Object> answer) {
		return (Map<String, Object>) answer.get("volume");
	}

	private Map<String, Object> cinder(RequestContext context, HttpHeaders caller, HttpMethod method, String path,
			Object body) {
		return this.siblings.call(context, caller, method, "volumev3", path, body);
	}

}
