package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.volume.manager.MessageField;
import dev.novaboot.volume.manager.UserMessages;
import dev.novaboot.volume.manager.VolumeNotFoundException;
import dev.novaboot.volume.store.MessageStore.Message;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's user messages, {@code /v3/{project_id}/messages} from microversion 3.3
 * ({@code cinder/api/v3/messages.py}, the view {@code cinder/api/v3/views/messages.py}):
 * list, show and delete the project's messages. Before 3.3 the routes answer {@code 404},
 * as Cinder's do. Pagination and filters of the list come with 3.5, beyond this service.
 */
@RestController
@RequestMapping("/v3/{projectId}/messages")
class MessagesController {

	private final UserMessages messages;

	MessagesController(UserMessages messages) {
		this.messages = messages;
	}

	@GetMapping
	Map<String, Object> list(RequestContext context, Microversion version, @PathVariable String projectId) {
		check(context, version, projectId);
		return Map.of("messages", this.messages.list(context).stream().map(MessagesController::view).toList());
	}

	@GetMapping("/{id}")
	Map<String, Object> show(RequestContext context, Microversion version, @PathVariable String projectId,
			@PathVariable String id) {
		check(context, version, projectId);
		return Map.of("message", view(this.messages.get(context, RequestBodies.pathId("Message", id))));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(RequestContext context, Microversion version, @PathVariable String projectId,
			@PathVariable String id) {
		check(context, version, projectId);
		ProjectScope.checkWrite(context, projectId, "message:delete");
		this.messages.delete(context, RequestBodies.pathId("Message", id));
	}

	/** Cinder's {@code VersionNotFoundForAPIMethod}: below 3.3 the method looks absent. */
	private static void check(RequestContext context, Microversion version, String projectId) {
		if (!version.isAtLeast(VolumeMicroversions.MESSAGES)) {
			throw new VolumeNotFoundException("The resource could not be found.");
		}
		ProjectScope.check(context, projectId);
	}

	private static Map<String, Object> view(Message message) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", message.id());
		view.put("event_id", message.eventId());
		view.put("user_message", MessageField.userMessage(message.actionId(), message.detailId()));
		view.put("message_level", message.level());
		view.put("created_at", ApiTime.format(message.createdAt()));
		view.put("guaranteed_until", ApiTime.format(message.expiresAt()));
		view.put("request_id", message.requestId());
		view.put("links", Link.of(message.projectId(), "messages", message.id()));
		if (message.resourceType() != null) {
			view.put("resource_type", message.resourceType());
		}
		if (message.resourceUuid() != null) {
			view.put("resource_uuid", message.resourceUuid());
		}
		return view;
	}

}
