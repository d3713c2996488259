package dev.novaboot.volume.manager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.novaboot.service.api.Uuids;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.record.DatabaseClock;
import dev.novaboot.volume.store.VolumeType;
import dev.novaboot.volume.store.VolumeTypeRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cinder's volume types ({@code cinder/volume/volume_types.py}): the default type
 * {@code __DEFAULT__}, types admins make, change and delete (not while a live volume has
 * one), and their extra specs (not changed while a live volume has the type). Private
 * types are seen by admins only: this service has no per-project type access.
 */
@Service
public class VolumeTypes {

	private final VolumeTypeRepository types;

	private final DatabaseClock clock;

	VolumeTypes(VolumeTypeRepository types, DatabaseClock clock) {
		this.types = types;
		this.clock = clock;
	}

	/**
	 * The type a volume create names, by id or by name (Cinder's
	 * {@code VolumeType.get_by_name_or_id}); {@code null} or empty is the default type.
	 */
	@Transactional(readOnly = true)
	public VolumeType resolve(RequestContext context, String nameOrId) {
		if (nameOrId == null || nameOrId.isEmpty()) {
			return visible(context, VolumeType.DEFAULT_ID);
		}
		if (Uuids.isUuid(nameOrId)) {
			return visible(context, nameOrId);
		}
		return this.types.findByName(nameOrId)
			.filter((type) -> type.isPublic() || context.isAdmin())
			.orElseThrow(() -> new VolumeNotFoundException(
					"Volume type with name " + nameOrId + " could not be found."));
	}

	/** The type of {@code id}, or the default type for {@code default}, if the caller may see it. */
	@Transactional(readOnly = true)
	public VolumeType get(RequestContext context, String id) {
		if (id.equals("default")) {
			return visible(context, VolumeType.DEFAULT_ID);
		}
		return visible(context, id);
	}

	/**
	 * The types the caller may see by name: public ones for members; for admins those whose
	 * {@code is_public} is {@code isPublic} ({@code null}: all).
	 */
	@Transactional(readOnly = true)
	public List<VolumeType> list(RequestContext context, Boolean isPublic) {
		return this.types.findAllByPublic(context.isAdmin() ? isPublic : Boolean.TRUE);
	}

	@Transactional
	public VolumeType create(String name, String description, boolean isPublic, Map<String, String> extraSpecs) {
		if (this.types.findByName(name).isPresent()) {
			throw new VolumeTypeExistsException(name);
		}
		return this.types.saveAndFlush(new VolumeType(UUID.randomUUID().toString(), name, description, isPublic,
				extraSpecs, this.clock.now()));
	}

	/** Changes what is not {@code null}; a name another type has is refused. */
	@Transactional
	public VolumeType update(RequestContext context, String id, String name, String description, Boolean isPublic) {
		return change(context, id, (type, now) -> {
			if (name != null && !name.equals(type.getName())) {
				if (this.types.findByName(name).isPresent()) {
					throw new VolumeTypeExistsException(name);
				}
				type.setName(name, now);
			}
			if (description != null) {
				type.setDescription(description, now);
			}
			if (isPublic != null) {
				type.setPublic(isPublic, now);
			}
		});
	}

	@Transactional
	public void delete(RequestContext context, String id) {
		VolumeType type = visible(context, id);
		if (type.getId().equals(VolumeType.DEFAULT_ID)) {
			throw new InvalidVolumeException(
					"The volume type " + id + " is a default volume type and cannot be deleted.");
		}
		if (this.types.countLiveVolumesOfType(type.getId()) > 0) {
			throw new InvalidVolumeException("Target volume type is still in use.");
		}
		this.types.delete(type);
		this.types.flush();
	}

	/** Adds or changes extra specs (Cinder's {@code volume_type_extra_specs_update_or_create}). */
	@Transactional
	public Map<String, String> setExtraSpecs(RequestContext context, String id, Map<String, String> specs) {
		return change(context, id, (type, now) -> {
			notInUse(type);
			Map<String, String> merged = new TreeMap<>(type.getExtraSpecs());
			merged.putAll(specs);
			type.setExtraSpecs(merged, now);
		}).getExtraSpecs();
	}

	@Transactional
	public void deleteExtraSpec(RequestContext context, String id, String key) {
		change(context, id, (type, now) -> {
			notInUse(type);
			Map<String, String> specs = type.getExtraSpecs();
			if (specs.remove(key) == null) {
				throw new VolumeNotFoundException(
						"Volume Type " + id + " has no extra specs with key " + key + ".");
			}
			type.setExtraSpecs(specs, now);
		});
	}

	private void notInUse(VolumeType type) {
		if (this.types.countLiveVolumesOfType(type.getId()) > 0) {
			throw new InvalidVolumeException("Volume Type is currently in use.");
		}
	}

	private VolumeType change(RequestContext context, String id, BiConsumer<VolumeType, Instant> change) {
		VolumeType type = visible(context, id);
		change.accept(type, this.clock.now());
		return this.types.saveAndFlush(type);
	}

	private VolumeType visible(RequestContext context, String id) {
		return this.types.findById(id)
			.filter((type) -> type.isPublic() || context.isAdmin())
			.orElseThrow(() -> new VolumeNotFoundException("Volume type " + id + " could not be found."));
	}

}
