package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.novaboot.compute.manager.ComputeImages;
import dev.novaboot.compute.manager.Image;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.api.Uuids;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-only Image API v2 subset under {@code /image}: the images this host's compute
 * driver can boot, so that OpenStack clients resolve image names.
 */
@RestController
class ImagesController {

	private final ComputeImages images;

	ImagesController(ComputeImages images) {
		this.images = images;
	}

	@GetMapping({ "/image", "/image/", "/image/versions" })
	Map<String, Object> versions() {
		return Map.of("versions", List.of(Map.of("id", "v2.0", "status", "CURRENT", "links",
				List.of(Map.of("rel", "self", "href", Links.base() + "/image/v2/")))));
	}

	@GetMapping("/image/v2/images")
	Map<String, Object> list(@RequestParam(required = false) String name) {
		List<Map<String, Object>> views = this.images.list()
			.stream()
			.filter((image) -> name == null || image.name().equals(name))
			.map(ImagesController::view)
			.toList();
		return Map.of("images", views, "schema", "/v2/schemas/images", "first", "/v2/images");
	}

	@GetMapping("/image/v2/images/{id}")
	Map<String, Object> show(@PathVariable String id) {
		// an id that is no uuid names no image
		return view((Uuids.isUuid(id) ? this.images.find(id) : Optional.<Image>empty())
			.orElseThrow(() -> new NotFoundException("No image found with ID " + ServerRequests.shown(id))));
	}

	private static Map<String, Object> view(Image image) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", image.id());
		view.put("name", image.name());
		view.put("status", "active");
		view.put("visibility", "public");
		view.put("protected", false);
		view.put("disk_format", image.diskFormat());
		view.put("container_format", "bare");
		view.put("size", image.size());
		view.put("min_disk", 0);
		view.put("min_ram", 0);
		view.put("tags", List.of());
		view.put("created_at", NovaTime.format(image.createdAt()));
		view.put("updated_at", NovaTime.format(image.createdAt()));
		view.put("self", "/v2/images/" + image.id());
		view.put("file", "/v2/images/" + image.id() + "/file");
		view.put("schema", "/v2/schemas/image");
		return view;
	}

}
