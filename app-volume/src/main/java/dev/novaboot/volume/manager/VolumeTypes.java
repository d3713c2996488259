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
			.filter((type) -> context.isAdmin() || type.isAccessibleTo(context.projectId()))
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
	 * The types the caller may see: for members the public ones and the private ones their
	 * project was given access to (as Cinder's database filter); for admins those whose
	 * {@code is_public} is {@code isPublic} ({@code null}: all).
	 */
	@Transactional(readOnly = true)
	public List<VolumeType> list(RequestContext context, Boolean isPublic) {
		return context.isAdmin() ? this.types.findAllByPublic(isPublic)
				: this.types.findAllAccessibleTo(context.projectId());
	}

	/** The projects given access to a private type (Cinder's 404 for a public one). */
	@Transactional(readOnly = true)
	public List<String> accessList(RequestContext context, String id) {
		VolumeType type = visible(context, id);
		if (type.isPublic()) {
			throw new VolumeNotFoundException("Access list not available for public volume types.");
		}
		return type.getProjects().stream().sorted().toList();
	}

	/** Gives {@code projectId} access to a private type (Cinder's {@code add_volume_type_access}). */
	@Transactional
	public void addAccess(RequestContext context, String id, String projectId) {
		VolumeType type = accessChangeable(context, id);
		if (!type.getProjects().add(projectId)) {
			throw new VolumeTypeAccessExistsException(id, projectId);
		}
		this.types.saveAndFlush(type);
	}

	@Transactional
	public void removeAccess(RequestContext context, String id, String projectId) {
		VolumeType type = accessChangeable(context, id);
		if (!type.getProjects().remove(projectId)) {
			throw new VolumeNotFoundException("Volume type access not found for " + id + " / " + projectId
					+ " combination.");
		}
		this.types.saveAndFlush(type);
	}

	private VolumeType accessChangeable(RequestContext context, String id) {
		VolumeType type = visible(context, id);
		if (type.isPublic()) {
			throw new InvalidInputException("Type access modification is not applicable to public volume type.");
		}
		return type;
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
			.filter((type) -> context.isAdmin() || type.isAccessibleTo(context.projectId()))
			.orElseThrow(() -> new VolumeNotFoundException("Volume type " + id + " could not be found."));
	}

	/** The {@code volume_backend_name} extra spec of a type, if it has one. */
	@Transactional(readOnly = true)
	public String backendNameOf(String typeId) {
		if (typeId == null) {
			return null;
		}
		return this.types.findById(typeId).map(VolumeTypes::backendNameOf).orElse(null);
	}

	/** The {@code volume_backend_name} extra spec of a type already read, if it has one. */
	public static String backendNameOf(VolumeType type) {
		return type.getExtraSpecs().get("volume_backend_name");
	}

}
