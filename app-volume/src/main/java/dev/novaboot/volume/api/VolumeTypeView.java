package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.volume.store.VolumeType;

/**
 * A volume type as Cinder's {@code cinder/api/v3/views/types.py} shows it, with what its
 * policies let the caller see: extra specs for every reader, but for non-admins only the
 * user-visible ones ({@code USER_VISIBLE_EXTRA_SPECS}); {@code qos_specs_id} for admins;
 * the access extension's {@code os-volume-type-access:is_public} for admins and members.
 */
final class VolumeTypeView {

	/** Cinder's {@code type_extra_specs.USER_VISIBLE_EXTRA_SPECS}. */
	static final List<String> USER_VISIBLE_EXTRA_SPECS = List.of("RESKEY:availability_zones", "multiattach",
			"replication_enabled");

	private VolumeTypeView() {
	}

	static Map<String, Object> of(VolumeType type, RequestContext context) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", type.getId());
		view.put("name", type.getName());
		view.put("is_public", type.isPublic());
		view.put("description", type.getDescription());
		view.put("extra_specs", visibleSpecs(type, context));
		if (context.isAdmin()) {
			view.put("qos_specs_id", null);
		}
		if (context.isAdmin() || context.canWrite()) {
			view.put("os-volume-type-access:is_public", type.isPublic());
		}
		return view;
	}

	static Map<String, String> visibleSpecs(VolumeType type, RequestContext context) {
		Map<String, String> specs = type.getExtraSpecs();
		if (context.isAdmin()) {
			return specs;
		}
		Map<String, String> visible = new TreeMap<>();
		USER_VISIBLE_EXTRA_SPECS.stream().filter(specs::containsKey).forEach((key) -> visible.put(key, specs.get(key)));
		return visible;
	}

}
