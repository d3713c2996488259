package dev.novaboot.volume.api;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.image.ImageStore;
import dev.novaboot.service.image.StoredImage;
import dev.novaboot.service.rpc.api.VolumeConnector;
import dev.novaboot.service.rpc.api.VolumeCreate;
import dev.novaboot.service.rpc.api.VolumeRpcApi.AttachVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.UploadToImage;
import dev.novaboot.volume.manager.InvalidInputException;
import dev.novaboot.volume.manager.ListPage;
import dev.novaboot.volume.manager.VolumeDetails;
import dev.novaboot.volume.manager.VolumeImages;
import dev.novaboot.volume.manager.VolumeQueries.VolumeFilter;
import dev.novaboot.volume.manager.VolumeTypes;
import dev.novaboot.volume.store.VolumeType;
import dev.novaboot.volume.manager.VolumeUpdates;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * Cinder's volumes API, {@code /v3/{project_id}/volumes} (microversion 3.0): create,
 * list, show, delete, and the actions {@code os-extend} and the attach book-keeping that
 * compute hosts use ({@code os-reserve}, {@code os-attach}, {@code os-detach}, ...).
 */
@RestController
@RequestMapping("/v3/{projectId}/volumes")
class VolumesController {

	private final BlockStorageApi api;

	private final VolumeTypes types;

	VolumesController(BlockStorageApi api, VolumeTypes types) {
		this.api = api;
		this.types = types;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Map<String, Object>> create(RequestContext context, @PathVariable String projectId,
			@RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:create");
		Map<String, Object> volume = RequestBodies.object(body, "volume");
		// Cinder's create schema: the volume may hold more keys (before 3.53), the body not
		RequestBodies.onlyKeys(body, "body", Set.of("volume", "OS-SCH-HNT:scheduler_hints"));
		RequestBodies.unsupported(volume, "backup_id", "Restoring a backup");
		// Cinder's get_by_name_or_id: unknown is 404, before anything else is looked up
		VolumeType volumeType = this.types.resolve(context, RequestBodies.text(volume, "volume_type"));
		String volumeTypeId = volumeType.getId();
		if (RequestBodies.flag(volume, "multiattach")) {
			throw new InvalidInputException("multiattach volumes are not supported by this service.");
		}
		String snapshotId = RequestBodies.uuid(volume, "snapshot_id");
		String sourceVolid = RequestBodies.uuid(volume, "source_volid");
		// Cinder renames image_id to imageRef, which it then takes
		String imageRef = RequestBodies.text(volume, "image_id", "imageRef");
		if (Stream.of(snapshotId, sourceVolid, imageRef).filter(Objects::nonNull).count() > 1) {
			throw new InvalidInputException("A volume is created from at most one source: 'snapshot_id', "
					+ "'source_volid' or 'imageRef'.");
		}
		Integer size = RequestBodies.positiveInt(volume, "size");
		if (size == null && snapshotId == null && sourceVolid == null) {
			throw new InvalidInputException("'size' is required (a whole number of GiB greater than 0) "
					+ "unless the volume is created from a 'snapshot_id' or a 'source_volid'.");
		}
		String name = RequestBodies.text(volume, "name", "display_name");
		String description = RequestBodies.text(volume, "description", "display_description");
		String zone = RequestBodies.nonEmptyText(volume, "availability_zone", RequestBodies.MAX_TEXT);
		// Cinder's create schema: metadata_allows_null
		Map<String, String> metadata = (volume.get("metadata") != null)
				? RequestBodies.metadata(volume.get("metadata"), "metadata", true) : null;
		if (size == null) {
			size = (snapshotId != null) ? this.api.showSnapshot(context, snapshotId).info().sizeGb()
					: this.api.show(context, sourceVolid).info().sizeGb();
		}
		String imageId = null;
		if (imageRef != null) {
			StoredImage image = this.api.image(imageRef);
			VolumeImages.checkFits(image, size);
			imageId = image.id();
		}
		VolumeCreate request = new VolumeCreate(UUID.randomUUID().toString(), size, name, description, snapshotId, zone,
				sourceVolid, metadata, volumeTypeId, imageId);
		// the type just read tells the scheduler its backend: not read a second time
		return Map.of("volume",
				VolumeView.detail(this.api.create(context, request, VolumeTypes.backendNameOf(volumeType)), context));
	}

	/**
	 * Cinder's volume update: name, description (or their {@code display_} names) and
	 * metadata, which replaces the old; any other key is refused. The answer is the detail
	 * view (without the extensions' attributes, which extend show and detail only).
	 */
	@PutMapping("/{id}")
	Map<String, Map<String, Object>> update(RequestContext context, @PathVariable String projectId,
			@PathVariable String id, @RequestBody Map<String, Object> body) {
		ProjectScope.checkWrite(context, projectId, "volume:update");
		RequestBodies.pathId("Volume", id);
		RequestBodies.onlyKeys(body, "body", Set.of("volume"));
		Map<String, Object> volume = RequestBodies.object(body, "volume");
		RequestBodies.onlyKeys(volume, "volume",
				Set.of("name", "description", "display_name", "display_description", "metadata"));
		VolumeUpdates.Change change = new VolumeUpdates.Change(given(volume, "name", "display_name"),
				given(volume, "description", "display_description"),
				volume.containsKey("metadata") ? RequestBodies.metadata(volume.get("metadata"), "metadata", true) : null);
		return Map.of("volume", VolumeView.detail(this.api.update(context, id, change), context));
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, Microversion version, @PathVariable String projectId,
			@RequestParam(name = "all_tenants", required = false) String allTenants,
			@RequestParam(required = false) String status, @RequestParam(required = false) String name,
			@RequestParam(required = false) String bootable, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String marker, @RequestParam(required = false) String sort,
			@RequestParam(name = "sort_key", required = false) String sortKey,
			@RequestParam(name = "sort_dir", required = false) String sortDir) {
		ProjectScope.check(context, projectId);
		ListPage.Request page = page(limit, marker, new ListPaging.Sorting(sort, sortKey, sortDir));
		VolumeFilter filter = new VolumeFilter(status, name, bootableFilter(bootable, version));
		return ListPaging.body("volumes", this.api.list(context, isTrue(allTenants), filter, page), page,
				(volume) -> volume.info().id(), VolumeView::summary);
	}

	@GetMapping("/detail")
	Map<String, Object> detail(RequestContext context, Microversion version, @PathVariable String projectId,
			@RequestParam(name = "all_tenants", required = false) String allTenants,
			@RequestParam(required = false) String status, @RequestParam(required = false) String name,
			@RequestParam(required = false) String bootable, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String marker, @RequestParam(required = false) String sort,
			@RequestParam(name = "sort_key", required = false) String sortKey,
			@RequestParam(name = "sort_dir", required = false) String sortDir) {
		ProjectScope.check(context, projectId);
		ListPage.Request page = page(limit, marker, new ListPaging.Sorting(sort, sortKey, sortDir));
		VolumeFilter filter = new VolumeFilter(status, name, bootableFilter(bootable, version));
		return ListPaging.body("volumes", this.api.list(context, isTrue(allTenants), filter, page), page,
				(volume) -> volume.info().id(), (volume) -> VolumeView.shown(volume, context));
	}

	@GetMapping("/{id}")
	Map<String, Map<String, Object>> show(RequestContext context, @PathVariable String projectId,
			@PathVariable String id) {
		ProjectScope.check(context, projectId);
		return Map.of("volume", VolumeView.shown(this.api.show(context, RequestBodies.pathId("Volume", id)), context));
	}

	/** Deletes the volume; with {@code cascade=true} its snapshots first (Cinder's {@code cascade}). */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void delete(RequestContext context, @PathVariable String projectId, @PathVariable String id,
			@RequestParam(required = false) String cascade) {
		ProjectScope.checkWrite(context, projectId, "volume:delete");
		RequestBodies.pathId("Volume", id);
		if (RequestBodies.boolParam("cascade", cascade)) {
			this.api.deleteCascading(context, id);
		}
		else {
			this.api.delete(context, id);
		}
	}

	@PostMapping("/{id}/action")
	ResponseEntity<?> action(RequestContext context, Microversion version, @PathVariable String projectId,
			@PathVariable String id, @RequestBody Map<String, Object> body) {
		if (body == null || body.size() != 1) {
			throw new InvalidInputException("an action request must hold exactly one action, such as "
					+ "{\"os-extend\": {\"new_size\": 2}}.");
		}
		String action = body.keySet().iterator().next();
		ProjectScope.checkWrite(context, projectId, "volume:" + action);
		RequestBodies.pathId("Volume", id);
		switch (action) {
			case "os-extend" -> {
				Integer newSize = RequestBodies.positiveInt(RequestBodies.object(body, action), "new_size");
				if (newSize == null) {
					throw new InvalidInputException("os-extend needs 'new_size', a whole number of GiB.");
				}
				this.api.extend(context, id, newSize);
			}
			case "os-reserve" -> this.api.reserve(context, id);
			case "os-unreserve" -> this.api.unreserve(context, id);
			case "os-begin_detaching" -> this.api.beginDetaching(context, id);
			case "os-roll_detaching" -> this.api.rollDetaching(context, id);
			case "os-detach" -> this.api.detach(context, id);
			case "os-attach" -> {
				Map<String, Object> attach = RequestBodies.object(body, action);
				// Cinder's os-attach schema: instance_uuid a uuid, mountpoint 1 to 255, host_name up to 255
				this.api.attach(context, new AttachVolume(id, RequestBodies.uuid(attach, "instance_uuid"),
						RequestBodies.nonEmptyText(attach, "mountpoint", RequestBodies.MAX_TEXT),
						RequestBodies.text(attach, "host_name")));
			}
			case "os-initialize_connection" -> {
				return ResponseEntity
					.ok(Map.of("connection_info", this.api.initializeConnection(context, id, connector(body, action))));
			}
			case "os-terminate_connection" -> this.api.terminateConnection(context, id, connector(body, action));
			case "os-set_bootable" -> {
				Map<String, Object> flag = RequestBodies.object(body, action);
				RequestBodies.onlyKeys(flag, action, Set.of("bootable"));
				this.api.setBootable(context, id, RequestBodies.strictBoolean(flag, "bootable"));
				// Cinder answers this action with 200, the others with 202
				return ResponseEntity.ok().build();
			}
			case "os-update_readonly_flag" -> {
				Map<String, Object> flag = RequestBodies.object(body, action);
				RequestBodies.onlyKeys(flag, action, Set.of("readonly"));
				this.api.setReadonly(context, id, RequestBodies.strictBoolean(flag, "readonly"));
			}
			case "os-volume_upload_image" -> {
				return ResponseEntity.accepted()
					.body(Map.of(action, uploadToImage(context, version, id, RequestBodies.object(body, action))));
			}
			default -> throw new InvalidInputException("There is no such action: " + action);
		}
		return ResponseEntity.accepted().build();
	}

	/**
	 * Cinder's {@code os-volume_upload_image}: its schema (from 3.1 also {@code visibility}
	 * and {@code protected}), then the answer of its {@code copy_volume_to_image}. The image
	 * store keeps neither visibility nor protection (its images are public to every
	 * project): the answer tells what was asked, as Glance would have recorded it.
	 */
	private Map<String, Object> uploadToImage(RequestContext context, Microversion version, String id,
			Map<String, Object> params) {
		String action = "os-volume_upload_image";
		boolean v31 = version.isAtLeast(VolumeMicroversions.UPLOAD_IMAGE_PARAMS);
		Set<String> allowed = new HashSet<>(Set.of("image_name", "force", "disk_format", "container_format"));
		if (v31) {
			allowed.addAll(Set.of("visibility", "protected"));
		}
		RequestBodies.onlyKeys(params, action, allowed);
		if (!params.containsKey("image_name")) {
			throw new BadRequestException("Invalid input for field/attribute " + action + ". Value: "
					+ RequestBodies.shown(String.valueOf(params)) + ". 'image_name' is a required property");
		}
		String imageName = RequestBodies.nonEmptyText(params, "image_name", RequestBodies.MAX_TEXT);
		boolean force = params.containsKey("force") && RequestBodies.strictBoolean(params, "force");
		String diskFormat = oneOf(params, "disk_format", VolumeImages.CINDER_DISK_FORMATS, "raw");
		String containerFormat = oneOf(params, "container_format", VolumeImages.CINDER_CONTAINER_FORMATS, "bare");
		if (!containerFormat.equals("bare")) {
			throw new InvalidInputException("container_format " + containerFormat
					+ " is not supported by this service; images are stored bare.");
		}
		String visibility = "shared";
		boolean isProtected = false;
		if (v31) {
			visibility = oneOf(params, "visibility", List.of("community", "public", "private", "shared"), "private");
			isProtected = params.containsKey("protected") && RequestBodies.strictBoolean(params, "protected");
		}
		VolumeDetails volume = this.api.uploadToImage(context, new UploadToImage(id, imageName, diskFormat, force));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", volume.info().id());
		answer.put("updated_at", ApiTime.format(volume.info().updatedAt()));
		// Cinder answers before its volume host has begun: the upload is under way
		answer.put("status", "uploading");
		answer.put("display_description", volume.info().description());
		answer.put("size", volume.info().sizeGb());
		// Cinder's volume type object, whose name clients read
		answer.put("volume_type", VolumeTypeView.of(this.types.resolve(context, volume.volumeType()), context));
		answer.put("image_id", ImageStore.idOf(imageName));
		answer.put("container_format", containerFormat);
		answer.put("disk_format", diskFormat);
		answer.put("image_name", imageName);
		answer.put("protected", isProtected);
		answer.put("visibility", visibility);
		return answer;
	}

	/** A value of a schema's {@code enum}, {@code otherwise} when not given. */
	private static String oneOf(Map<String, Object> object, String key, List<String> values, String otherwise) {
		Object value = object.get(key);
		if (value == null && !object.containsKey(key)) {
			return otherwise;
		}
		if (!(value instanceof String text) || !values.contains(text)) {
			throw RequestBodies.schemaError(key, value, "is not one of " + values.stream()
				.map((word) -> "'" + word + "'")
				.toList());
		}
		return text;
	}

	private static VolumeConnector connector(Map<String, Object> body, String action) {
		Map<String, Object> connector = RequestBodies.object(RequestBodies.object(body, action), "connector");
		return new VolumeConnector(RequestBodies.text(connector, "host"), RequestBodies.text(connector, "ip"));
	}

	/** The page asked for; the API's sort key {@code name} is the column {@code display_name}, as Cinder renames it. */
	private static ListPage.Request page(String limit, String marker, ListPaging.Sorting sorting) {
		ListPage.Request page = ListPaging.request("Volume", limit, marker, sorting);
		return new ListPage.Request(page.limit(), page.marker(), page.sort()
			.stream()
			.map((key) -> key.key().equals("name") ? new ListPage.SortKey("display_name", key.ascending()) : key)
			.toList());
	}

	/**
	 * The {@code bootable} filter as Cinder's {@code _check_boolean_filter_value} reads it:
	 * from 3.2 only true/false words, anything else refused; before, {@code False} in its
	 * three spellings is false and any other non-empty value true.
	 */
	private static Boolean bootableFilter(String value, Microversion version) {
		if (value == null) {
			return null;
		}
		if (version.isAtLeast(VolumeMicroversions.VOLUME_LIST_BOOTABLE)) {
			String word = value.strip().toLowerCase(Locale.ROOT);
			if (List.of("1", "t", "true", "on", "y", "yes").contains(word)) {
				return true;
			}
			if (List.of("0", "f", "false", "off", "n", "no").contains(word)) {
				return false;
			}
			throw new InvalidInputException("'bootable = " + RequestBodies.shown(value) + "'");
		}
		if (List.of("False", "false", "FALSE").contains(value)) {
			return false;
		}
		return !value.isEmpty();
	}

	/** A name or description that was given (possibly as null), by its name or its older {@code display_} name. */
	private static VolumeUpdates.Text given(Map<String, Object> object, String key, String olderKey) {
		if (!object.containsKey(key) && !object.containsKey(olderKey)) {
			return null;
		}
		return new VolumeUpdates.Text(RequestBodies.text(object, key, olderKey));
	}

	private static boolean isTrue(String value) {
		return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
	}

}
