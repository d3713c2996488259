package dev.novaboot.compute.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;

import dev.novaboot.compute.store.Instance;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * {@code /v2.1/servers}: boot, list, show, delete and the server actions.
 */
@RestController
@RequestMapping("/v2.1/servers")
class ServersController {

	private final ServerOperations servers;

	ServersController(ServerOperations servers) {
		this.servers = servers;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> create(RequestContext context, @RequestBody Map<String, Object> body) {
		Instance instance = this.servers.create(context, ServerRequests.create(body));
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
			@RequestParam(required = false) String marker) {
		return Map.of("servers",
				this.servers.list(context, name, status, limit, marker).stream().map(ServerView::summary).toList());
	}

	@GetMapping("/detail")
	Map<String, Object> detail(RequestContext context, @RequestParam(required = false) String name,
			@RequestParam(required = false) String status, @RequestParam(required = false) @Min(0) Integer limit,
			@RequestParam(required = false) String marker) {
		return Map.of("servers",
				this.servers.list(context, name, status, limit, marker).stream().map(this::detail).toList());
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, @PathVariable String id) {
		return Map.of("server", detail(this.servers.find(context, id)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, @PathVariable String id) {
		this.servers.delete(context, id);
	}

	@PostMapping("/{id}/action")
	ResponseEntity<?> action(RequestContext context, @PathVariable String id, @RequestBody Map<String, Object> body) {
		ServerRequests.Action action = ServerRequests.action(body);
		switch (action.name()) {
			case "reboot" -> this.servers.reboot(context, id, ServerRequests.rebootType(action.argument()));
			case "os-stop" -> this.servers.stop(context, id);
			case "os-start" -> this.servers.start(context, id);
			case "os-getConsoleOutput" -> {
				Integer length = ServerRequests.consoleLength(action.argument());
				return ResponseEntity.ok(Map.of("output", this.servers.consoleOutput(context, id, length)));
			}
			default -> throw new BadRequestException("There is no such action: " + action.name());
		}
		return ResponseEntity.accepted().build();
	}

	private Map<String, Object> detail(Instance instance) {
		return ServerView.detail(instance, this.servers.networkInfo(instance), this.servers.attachments(instance));
	}

}
