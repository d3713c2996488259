package dev.novaboot.compute.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Min;

import dev.novaboot.compute.manager.InstanceQueries.TagFilter;
import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers}: boot, list, show and delete, as Nova answers them at the request's microversion (docs/compute-microversions.md).
 */
@RestController
@RequestMapping("/v2.1/servers")
class ServersController {

	// every status Nova knows (its _STATE_MAP); from 2.38 any other is a 400
	private static final Set<String> NOVA_STATUSES = Set.of("ACTIVE", "BUILD", "REBOOT", "HARD_REBOOT", "PASSWORD",
			"REBUILD", "MIGRATING", "RESIZE", "VERIFY_RESIZE", "REVERT_RESIZE", "PAUSED", "SUSPENDED", "RESCUE",
			"ERROR", "DELETED", "SOFT_DELETED", "SHUTOFF", "SHELVED", "SHELVED_OFFLOADED", "UNKNOWN");

	private final ServerOperations servers;

	ServersController(ServerOperations servers) {
		this.servers = servers;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> create(RequestContext context, @RequestBody Map<String, Object> body, Microversion version) {
		Instance instance = this.servers.create(context, ServerRequests.create(body, version));
		Map<String, Object> server = ServerView.summary(instance);
		server.remove("name");
		server.put("OS-DCF:diskConfig", "MANUAL");
		server.put("security_groups", List.of(Map.of("name", "default")));
		return Map.of("server", server);
	}

	// limit is validated declaratively (ComputeApiFaults turns a violation into Nova's 400);
	// a limit that is no integer at all is a type mismatch, also a 400
	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam(required = false) String name,
			@RequestParam(required = false) String status, @RequestParam(required = false) @Min(0) Integer limit,
			@RequestParam(required = false) String marker, @RequestParam Map<String, String> query,
			Microversion version) {
		return Map.of("servers", page(context, name, status, limit, marker, query, version).stream()
			.map(ServerView::summary)
			.toList());
	}

	@GetMapping("/detail")
	Map<String, Object> detail(RequestContext context, @RequestParam(required = false) String name,
			@RequestParam(required = false) String status, @RequestParam(required = false) @Min(0) Integer limit,
			@RequestParam(required = false) String marker, @RequestParam Map<String, String> query,
			Microversion version) {
		List<Instance> page = page(context, name, status, limit, marker, query, version);
		Map<String, List<String>> tags = version.isAtLeast(2, 26) ? this.servers.tags(page) : Map.of();
		return Map.of("servers", page.stream()
			.map((instance) -> detail(instance, context, version, tags.getOrDefault(instance.getUuid(), List.of())))
			.toList());
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id, Microversion version) {
		Instance instance = this.servers.find(context, id);
		List<String> tags = version.isAtLeast(2, 26) ? this.servers.tags(instance) : List.of();
		return Map.of("server", detail(instance, context, version, tags));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.servers.delete(context, id);
	}

	private List<Instance> page(RequestContext context, String name, String status, Integer limit, String marker,
			Map<String, String> query, Microversion version) {
		if (status != null && version.isAtLeast(2, 38)
				&& !NOVA_STATUSES.contains(status.toUpperCase(Locale.ROOT))) {
			throw new BadRequestException("Invalid status value");
		}
		TagFilter tags = TagFilter.NONE;
		if (version.isAtLeast(2, 26)) {
			tags = new TagFilter(tagList(query.get("tags")), tagList(query.get("tags-any")),
					tagList(query.get("not-tags")), tagList(query.get("not-tags-any")));
		}
		return this.servers.list(context, name, status, tags, limit, marker);
	}

	// a comma-separated list of tags, as Nova's tag filters take them
	private static Set<String> tagList(String value) {
		if (value == null) {
			return Set.of();
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : value.split(",")) {
			if (!tag.isBlank()) {
				tags.add(tag.strip());
			}
		}
		return tags;
	}

	private Map<String, Object> detail(Instance instance, RequestContext context, Microversion version,
			List<String> tags) {
		ServerView.Shown shown = new ServerView.Shown(version, context.isAdmin(),
				(version.isAtLeast(2, 16) && context.isAdmin()) ? this.servers.hostStatus(instance) : "", tags,
				version.isAtLeast(2, 47) ? this.servers.flavorName(instance) : null,
				version.isAtLeast(2, 47) ? this.servers.flavorExtraSpecs(instance) : Map.of());
		return ServerView.detail(instance, this.servers.networkInfo(instance), this.servers.attachments(instance),
				shown);
	}

}
