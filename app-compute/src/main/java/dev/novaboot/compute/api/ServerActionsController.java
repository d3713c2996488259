package dev.novaboot.compute.api;

import java.util.Map;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v2.1/servers/{id}/action}: the server actions, one per body, as Nova
 * answers them at the request's microversion.
 */
@RestController
@RequestMapping("/v2.1/servers")
class ServerActionsController {

	private final ServerOperations servers;

	ServerActionsController(ServerOperations servers) {
		this.servers = servers;
	}

	@PostMapping("/{id}/action")
	ResponseEntity<?> action(RequestContext context, @PathVariable String id, @RequestBody Map<String, Object> body,
			Microversion version) {
		ServerRequests.Action action = ServerRequests.action(body);
		switch (action.name()) {
			case "reboot" -> this.servers.reboot(context, id, ServerRequests.rebootType(action.argument()));
			case "os-stop" -> this.servers.stop(context, id);
			case "os-start" -> this.servers.start(context, id);
			case "os-getConsoleOutput" -> {
				Integer length = ServerRequests.consoleLength(action.argument());
				return ResponseEntity.ok(Map.of("output", this.servers.consoleOutput(context, id, length)));
			}
			case "trigger_crash_dump" -> {
				if (!version.isAtLeast(2, 17)) {
					throw new BadRequestException("There is no such action: " + action.name());
				}
				if (action.argument() != null) {
					throw new BadRequestException("Invalid input for field/attribute trigger_crash_dump. Value: "
							+ ServerRequests.shown(String.valueOf(action.argument())) + ". It is not of type 'null'.");
				}
				this.servers.triggerCrashDump(context, id);
			}
			default -> throw new BadRequestException("There is no such action: " + action.name());
		}
		return ResponseEntity.accepted().build();
	}

}
