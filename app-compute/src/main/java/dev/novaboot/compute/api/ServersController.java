package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.compute.store.VolumeAttachmentRecord;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
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
 * {@code /v2.1/servers}: boot, list, show, update and delete, as Nova answers them at the
 * request's microversion (docs/compute-microversions.md).
 */
@RestController
@RequestMapping("/v2.1/servers")
class ServersController {

	private final ServerOperations servers;

	ServersController(ServerOperations servers) {
		this.servers = servers;
	}

	/**
	 * Boots {@code max_count} servers; the answer is the first of them, or with
	 * {@code return_reservation_id} the reservation id they share (Nova).
	 */
	@PostMapping
	ResponseEntity<Map<String, Object>> create(RequestContext context, @RequestBody Map<String, Object> body,
			Microversion version) {
		ServerRequests.CreateServer request = ServerRequests.create(body, version);
		ServerOperations.Created created = this.servers.create(context, request);
		if (request.returnReservationId()) {
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("reservation_id", created.reservationId()));
		}
		Instance instance = created.instances().get(0);
		Map<String, Object> server = ServerView.summary(instance);
		server.remove("name");
		server.put("OS-DCF:diskConfig", "MANUAL");
		// Nova echoes the groups the request named
		List<String> groups = request.securityGroups().isEmpty() ? List.of(Instance.DEFAULT_SECURITY_GROUP)
				: request.securityGroups();
		server.put("security_groups", groups.stream().map((group) -> Map.of("name", group)).toList());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.header("Location", Links.of("servers", instance.getUuid()).get(0).get("href"))
			.body(Map.of("server", server));
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, @RequestParam MultiValueMap<String, String> query,
			Microversion version) {
		ServerListQuery.Listing listing = ServerListQuery.read(query, context, version);
		List<Instance> page = this.servers.list(listing);
		return page(page.stream().map(ServerView::summary).toList(), page, listing);
	}

	@GetMapping("/detail")
	Map<String, Object> detail(RequestContext context, @RequestParam MultiValueMap<String, String> query,
			Microversion version) {
		ServerListQuery.Listing listing = ServerListQuery.read(query, context, version);
		List<Instance> page = this.servers.list(listing);
		// what the page's rows need besides themselves, a bounded number of queries for the whole page
		Map<String, List<String>> tags = version.isAtLeast(2, 26) ? this.servers.tags(page) : Map.of();
		Map<String, Map<String, String>> metadata = this.servers.metadata(page);
		Map<String, String> hostStatuses = (version.isAtLeast(2, 16) && context.isAdmin())
				? this.servers.hostStatuses(page) : Map.of();
		Map<String, List<VolumeAttachmentRecord>> attachments = this.servers.attachments(page);
		return page(page.stream()
			.map((instance) -> detail(instance, context, version, tags.getOrDefault(instance.getUuid(), List.of()),
					metadata.getOrDefault(instance.getUuid(), Map.of()),
					(instance.getHost() != null) ? hostStatuses.getOrDefault(instance.getHost(), "") : "",
					attachments.getOrDefault(instance.getUuid(), List.of())))
			.toList(), page, listing);
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id, Microversion version) {
		Instance instance = this.servers.find(context, id);
		return Map.of("server", detail(instance, context, version));
	}

	/** Nova's update: the name, the access addresses and (2.19) the description; the server's detail back. */
	@PutMapping("/{id}")
	Map<String, Object> update(RequestContext context, @PathVariable String id, @RequestBody Map<String, Object> body,
			Microversion version) {
		ServerRequests.UpdateServer update = ServerRequests.update(body, version);
		Instance instance = this.servers.update(context, id, update);
		return Map.of("server", detail(instance, context, version));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.servers.delete(context, id);
	}

	// the servers and, when the page is full, Nova's servers_links with the next marker
	private static Map<String, Object> page(List<Map<String, Object>> views, List<Instance> page,
			ServerListQuery.Listing listing) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("servers", views);
		List<Map<String, String>> links = Paging.links(listing.limit(), page.size(),
				page.isEmpty() ? null : page.get(page.size() - 1).getUuid());
		if (!links.isEmpty()) {
			body.put("servers_links", links);
		}
		return body;
	}

	private Map<String, Object> detail(Instance instance, RequestContext context, Microversion version) {
		List<String> tags = version.isAtLeast(2, 26) ? this.servers.tags(instance) : List.of();
		return detail(instance, context, version, tags, this.servers.metadata(instance),
				(version.isAtLeast(2, 16) && context.isAdmin()) ? this.servers.hostStatus(instance) : "",
				this.servers.attachments(instance));
	}

	private Map<String, Object> detail(Instance instance, RequestContext context, Microversion version,
			List<String> tags, Map<String, String> metadata, String hostStatus,
			List<VolumeAttachmentRecord> attachments) {
		ServerView.Shown shown = new ServerView.Shown(version, context.isAdmin(), hostStatus, tags,
				version.isAtLeast(2, 47) ? this.servers.flavorName(instance) : null,
				version.isAtLeast(2, 47) ? this.servers.flavorExtraSpecs(instance) : Map.of(), metadata);
		return ServerView.detail(instance, this.servers.networkInfo(instance), attachments, shown);
	}

}
