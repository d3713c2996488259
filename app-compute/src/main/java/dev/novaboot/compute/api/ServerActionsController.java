package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.novaboot.compute.store.Instance;
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

	// what Nova's rebuild answers of the server before 2.75 (its rebuild_response schemas)
	private static final Set<String> REBUILD_VIEW = Set.of("accessIPv4", "accessIPv6", "addresses", "created", "fault",
			"flavor", "hostId", "id", "image", "links", "metadata", "name", "progress", "status", "tenant_id", "updated",
			"user_id", "OS-DCF:diskConfig", "locked", "description", "tags");

	private final ServerOperations servers;

	private final ServerActions actions;

	private final ServerSecurityGroups securityGroups;

	private final ServerMigrations migrations;

	private final ServerLiveMigrations liveMigrations;

	ServerActionsController(ServerOperations servers, ServerActions actions, ServerSecurityGroups securityGroups,
			ServerMigrations migrations, ServerLiveMigrations liveMigrations) {
		this.migrations = migrations;
		this.liveMigrations = liveMigrations;
		this.servers = servers;
		this.actions = actions;
		this.securityGroups = securityGroups;
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
			case "lock" -> this.actions.lock(context, id);
			case "unlock" -> this.actions.unlock(context, id);
			case "pause" -> this.actions.pause(context, id);
			case "unpause" -> this.actions.unpause(context, id);
			case "suspend" -> this.actions.suspend(context, id);
			case "resume" -> this.actions.resume(context, id);
			case "resize" -> this.actions.resize(context, id, ServerActionRequests.resizeFlavor(action.argument()));
			case "migrate" -> this.migrations.migrate(context, id,
					ServerActionRequests.migrateHost(action.argument(), version.isAtLeast(2, 56)));
			case "os-migrateLive" -> this.liveMigrations.liveMigrate(context, id,
					ServerActionRequests.migrateLive(action.argument(), version), version);
			case "evacuate" -> {
				this.migrations.evacuate(context, id, ServerActionRequests.evacuate(action.argument(), version));
				// Nova answers 200 to an evacuate (kept for compatibility), with no adminPass here
				return ResponseEntity.ok().build();
			}
			case "confirmResize" -> {
				this.actions.confirmResize(context, id);
				// Nova's confirmResize is the one action that answers 204
				return ResponseEntity.noContent().build();
			}
			case "revertResize" -> this.actions.revertResize(context, id);
			case "restore" -> this.actions.restore(context, id);
			case "forceDelete" -> this.actions.forceDelete(context, id);
			case "addSecurityGroup" -> this.securityGroups.add(context, id,
					ServerActionRequests.securityGroupName(action.name(), action.argument()));
			case "removeSecurityGroup" -> this.securityGroups.remove(context, id,
					ServerActionRequests.securityGroupName(action.name(), action.argument()));
			case "rebuild" -> {
				Instance instance = this.actions.rebuild(context, id,
						ServerActionRequests.rebuild(action.argument(), version));
				return ResponseEntity.accepted().body(Map.of("server", rebuildView(instance, version)));
			}
			default -> throw new BadRequestException("There is no such action: " + action.name());
		}
		return ResponseEntity.accepted().build();
	}

	// the server's detail with what Nova's rebuild answer leaves out (up to 2.74) left out,
	// addresses without their OS-EXT-IPS attributes
	private Map<String, Object> rebuildView(Instance instance, Microversion version) {
		List<String> tags = version.isAtLeast(2, 26) ? this.servers.tags(instance) : List.of();
		ServerView.Shown shown = new ServerView.Shown(version, false, "", tags,
				version.isAtLeast(2, 47) ? this.servers.flavorName(instance) : null,
				version.isAtLeast(2, 47) ? this.servers.flavorExtraSpecs(instance) : Map.of());
		Map<String, Object> view = ServerView.detail(instance, this.servers.networkInfo(instance),
				this.servers.attachments(instance), shown);
		view.keySet().retainAll(REBUILD_VIEW);
		@SuppressWarnings("unchecked")
		Map<String, List<Map<String, Object>>> addresses = (Map<String, List<Map<String, Object>>>) view.get("addresses");
		Map<String, Object> plain = new LinkedHashMap<>();
		addresses.forEach((network, list) -> plain.put(network, list.stream()
			.map((address) -> Map.of("version", address.get("version"), "addr", address.get("addr")))
			.toList()));
		view.put("addresses", plain);
		return view;
	}

}
