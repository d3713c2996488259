package dev.novaboot.volume.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.volume.manager.VolumeNotFoundException;
import dev.novaboot.volume.manager.VolumeTypes;
import dev.novaboot.volume.store.VolumeType;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's volume types, {@code /v3/{project_id}/types} ({@code cinder/api/v3/types.py},
 * {@code contrib/types_manage.py}, {@code contrib/types_extra_specs.py}): everyone lists
 * and shows them ({@code default} names the default type); only admins create, change
 * and delete them and their extra specs.
 */
@RestController
@RequestMapping("/v3/{projectId}/types")
class VolumeTypesController {

	private final VolumeTypes types;

	VolumeTypesController(VolumeTypes types) {
		this.types = types;
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @PathVariable String projectId,
			@RequestParam(name = "is_public", required = false) String isPublic) {
		ProjectScope.check(context, projectId);
		return Map.of("volume_types",
				this.types.list(context, parseIsPublic(isPublic)).stream().map((type) -> VolumeTypeView.of(type, context))
					.toList());
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String projectId, @PathVariable String id) {
		ProjectScope.check(context, projectId);
		return Map.of("volume_type", VolumeTypeView.of(this.types.get(context, id), context));
	}

	/** Cinder's type create: {@code name} required; description, extra specs, public flag. */
	@PostMapping
	Map<String, Object> create(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:type_create");
		RequestBodies.onlyKeys(body, "body", Set.of("volume_type"));
		Map<String, Object> type = RequestBodies.object(body, "volume_type");
		RequestBodies.onlyKeys(type, "volume_type",
				Set.of("name", "description", "extra_specs", "os-volume-type-access:is_public"));
		if (!type.containsKey("name")) {
			throw RequestBodies.schemaError("volume_type", type.keySet(), "'name' is a required property");
		}
		String name = RequestBodies.nonEmptyText(type, "name", RequestBodies.MAX_TEXT);
		if (name == null || name.isBlank()) {
			throw RequestBodies.schemaError("name", name, "is not a valid name");
		}
		Map<String, String> specs = (type.get("extra_specs") != null)
				? RequestBodies.metadata(type.get("extra_specs"), "extra_specs", true) : Map.of();
		boolean isPublic = !type.containsKey("os-volume-type-access:is_public")
				|| RequestBodies.strictBoolean(type, "os-volume-type-access:is_public");
		VolumeType created = this.types.create(name.strip(), RequestBodies.text(type, "description"), isPublic, specs);
		return Map.of("volume_type", VolumeTypeView.of(created, context));
	}

	/** Cinder's type update: name (not empty), description, {@code is_public}; at least one. */
	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@RequestBody Map<String, Object> body) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:type_update");
		RequestBodies.onlyKeys(body, "body", Set.of("volume_type"));
		Map<String, Object> type = RequestBodies.object(body, "volume_type");
		RequestBodies.onlyKeys(type, "volume_type", Set.of("name", "description", "is_public"));
		String name = RequestBodies.nonEmptyText(type, "name", RequestBodies.MAX_TEXT);
		if (name != null && name.isBlank()) {
			throw new BadRequestException("Volume type name can not be empty.");
		}
		String description = RequestBodies.text(type, "description");
		Boolean isPublic = (type.get("is_public") != null) ? RequestBodies.strictBoolean(type, "is_public") : null;
		if (name == null && description == null && isPublic == null) {
			throw new BadRequestException(
					"Specify volume type name, description, is_public or a combination thereof.");
		}
		return Map.of("volume_type", VolumeTypeView.of(this.types.update(context, id, name, description, isPublic), context));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @PathVariable String projectId, @PathVariable String id) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:type_delete");
		this.types.delete(context, id);
	}

	@GetMapping("/{id}/extra_specs")
	Map<String, Object> extraSpecs(RequestContext context, @PathVariable String projectId, @PathVariable String id) {
		ProjectScope.check(context, projectId);
		return Map.of("extra_specs", VolumeTypeView.visibleSpecs(this.types.get(context, id), context));
	}

	/** Adds or changes extra specs; the answer is the request's body, as Cinder answers. */
	@PostMapping("/{id}/extra_specs")
	Map<String, Object> setExtraSpecs(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@RequestBody Map<String, Object> body) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:types_extra_specs:create");
		if (body == null || !body.containsKey("extra_specs")) {
			throw RequestBodies.schemaError("body", (body == null) ? null : body.keySet(),
					"'extra_specs' is a required property");
		}
		RequestBodies.onlyKeys(body, "body", Set.of("extra_specs"));
		Map<String, String> specs = specs(body.get("extra_specs"), "extra_specs");
		this.types.setExtraSpecs(context, id, specs);
		return Map.of("extra_specs", specs);
	}

	@GetMapping("/{id}/extra_specs/{key}")
	Map<String, String> extraSpec(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@PathVariable String key) {
		ProjectScope.check(context, projectId);
		Map<String, String> specs = VolumeTypeView.visibleSpecs(this.types.get(context, id), context);
		if (!specs.containsKey(key)) {
			throw new VolumeNotFoundException(
					"Volume Type " + id + " has no extra specs with key " + RequestBodies.shown(key) + ".");
		}
		return Map.of(key, specs.get(key));
	}

	/** Sets one extra spec: the body is {@code {key: value}} with the URL's key only. */
	@PutMapping("/{id}/extra_specs/{key}")
	Map<String, String> setExtraSpec(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@PathVariable String key, @RequestBody Map<String, Object> body) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:types_extra_specs:update");
		Map<String, String> spec = specs(body, "body");
		if (spec.size() != 1) {
			throw RequestBodies.schemaError("body", spec,
					spec.isEmpty() ? "does not have enough properties" : "has too many properties");
		}
		if (!spec.containsKey(key)) {
			throw new BadRequestException("Request body and URI mismatch");
		}
		this.types.setExtraSpecs(context, id, spec);
		return spec;
	}

	@DeleteMapping("/{id}/extra_specs/{key}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void deleteExtraSpec(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@PathVariable String key) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:types_extra_specs:delete");
		this.types.deleteExtraSpec(context, id, key);
	}

	/** Cinder's {@code extra_specs_with_no_spaces_key}: keys of {@code a-z A-Z 0-9 - _ : .}, string values. */
	private static Map<String, String> specs(Object value, String field) {
		Map<String, String> specs = RequestBodies.metadata(value, field, true);
		specs.keySet().stream().filter((key) -> !key.matches("[a-zA-Z0-9\\-_:.]{1,255}")).findFirst().ifPresent((key) -> {
			throw RequestBodies.schemaError(field, value, "Additional properties are not allowed ('"
					+ RequestBodies.shown(key) + "' was unexpected)");
		});
		return specs;
	}

	/** Cinder's {@code _parse_is_public}: public types unless asked; {@code none} for all. */
	private static Boolean parseIsPublic(String value) {
		if (value == null) {
			return Boolean.TRUE;
		}
		String word = value.strip().toLowerCase(Locale.ROOT);
		if (word.equals("none")) {
			return null;
		}
		if (List.of("1", "t", "true", "on", "y", "yes").contains(word)) {
			return Boolean.TRUE;
		}
		if (List.of("0", "f", "false", "off", "n", "no").contains(word)) {
			return Boolean.FALSE;
		}
		throw new BadRequestException("Invalid is_public filter [" + RequestBodies.shown(value) + "]");
	}

	/** Cinder's {@code os-volume-type-access}: the projects given access to a private type (admins). */
	@GetMapping("/{id}/os-volume-type-access")
	Map<String, Object> accessList(RequestContext context, @PathVariable String projectId, @PathVariable String id) {
		ProjectScope.checkAdmin(context, projectId, "volume_extension:volume_type_access:type_access_who");
		return Map.of("volume_type_access", this.types.accessList(context, id)
			.stream()
			.map((project) -> Map.of("volume_type_id", id, "project_id", project))
			.toList());
	}

	/** {@code addProjectAccess} and {@code removeProjectAccess}, with Cinder's schemas; 202. */
	@PostMapping("/{id}/action")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void action(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@RequestBody Map<String, Object> body) {
		if (body != null && body.size() == 1 && body.containsKey("addProjectAccess")) {
			ProjectScope.checkAdmin(context, projectId, "volume_extension:volume_type_access:addProjectAccess");
			this.types.addAccess(context, id, accessProject(body, "addProjectAccess"));
		}
		else if (body != null && body.size() == 1 && body.containsKey("removeProjectAccess")) {
			ProjectScope.checkAdmin(context, projectId, "volume_extension:volume_type_access:removeProjectAccess");
			this.types.removeAccess(context, id, accessProject(body, "removeProjectAccess"));
		}
		else {
			ProjectScope.check(context, projectId);
			throw new BadRequestException("There is no such action: "
					+ ((body == null || body.isEmpty()) ? "None" : RequestBodies.shown(String.join(", ", body.keySet()))));
		}
	}

	private static String accessProject(Map<String, Object> body, String action) {
		Map<String, Object> access = RequestBodies.object(body, action);
		RequestBodies.onlyKeys(access, action, Set.of("project"));
		Object project = access.get("project");
		if (project == null && !access.containsKey("project")) {
			throw new BadRequestException("Invalid input for field/attribute " + action
					+ ". Value: " + access + ". 'project' is a required property");
		}
		if (!(project instanceof String text)) {
			throw RequestBodies.schemaError("project", project, "is not of type 'string'");
		}
		if (text.isEmpty() || text.length() > RequestBodies.MAX_TEXT) {
			throw RequestBodies.schemaError("project", text, text.isEmpty() ? "is too short" : "is too long");
		}
		return text;
	}

}
