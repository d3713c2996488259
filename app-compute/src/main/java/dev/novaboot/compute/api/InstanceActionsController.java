package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.InstanceActionLog;
import dev.novaboot.compute.manager.InstanceNotFoundException;
import dev.novaboot.compute.store.InstanceActionEventRecord;
import dev.novaboot.compute.store.InstanceActionRecord;
import dev.novaboot.compute.store.InstanceLifetimes;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.api.Uuids;
import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/servers/{id}/os-instance-actions}: what was done to a server, newest first,
 * and one action with its steps (events). Admins see the events with their tracebacks;
 * members see them from 2.51, without. From 2.21 a deleted server's actions can be read.
 */
@RestController
class InstanceActionsController {


	private final InstanceActionLog log;

	private final ServerOperations servers;

	private final InstanceLifetimes lifetimes;

	InstanceActionsController(InstanceActionLog log, ServerOperations servers, InstanceLifetimes lifetimes) {
		this.log = log;
		this.servers = servers;
		this.lifetimes = lifetimes;
	}

	@GetMapping("/v2.1/servers/{id}/os-instance-actions")
	Map<String, Object> list(RequestContext context, @PathVariable String id, Microversion version) {
		visible(context, id, version);
		return Map.of("instanceActions", this.log.actions(id).stream().map(InstanceActionsController::view).toList());
	}

	@GetMapping("/v2.1/servers/{id}/os-instance-actions/{requestId}")
	Map<String, Object> show(RequestContext context, @PathVariable String id, @PathVariable String requestId,
			Microversion version) {
		visible(context, id, version);
		InstanceActionRecord action = this.log.action(id, requestId)
			.orElseThrow(() -> new NotFoundException("Action " + ServerRequests.shown(requestId) + " not found"));
		Map<String, Object> view = view(action);
		if (context.isAdmin() || version.isAtLeast(2, 51)) {
			view.put("events", this.log.events(action).stream().map((event) -> event(event, context.isAdmin())).toList());
		}
		return Map.of("instanceAction", view);
	}

	// the caller's project's server; from 2.21 a deleted one too (Nova reads deleted rows there)
	private void visible(RequestContext context, String id, Microversion version) {
		if (!version.isAtLeast(2, 21) || !Uuids.isUuid(id)) {
			this.servers.find(context, id);
			return;
		}
		String project = this.lifetimes.projectOf(id).orElseThrow(() -> new InstanceNotFoundException(id));
		if (!context.isAdmin() && !project.equals(context.projectId())) {
			throw new InstanceNotFoundException(id);
		}
	}

	private static Map<String, Object> view(InstanceActionRecord action) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("action", action.getAction());
		view.put("instance_uuid", action.getInstanceUuid());
		view.put("request_id", action.getRequestId());
		view.put("user_id", action.getUserId());
		view.put("project_id", action.getProjectId());
		view.put("start_time", NovaTime.microseconds(action.getStartTime()));
		view.put("message", action.getMessage());
		return view;
	}

	private static Map<String, Object> event(InstanceActionEventRecord event, boolean withTraceback) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("event", event.getEvent());
		view.put("start_time", NovaTime.microseconds(event.getStartTime()));
		view.put("finish_time", NovaTime.microseconds(event.getFinishTime()));
		view.put("result", event.getResult());
		if (withTraceback) {
			view.put("traceback", event.getTraceback());
		}
		return view;
	}


}
