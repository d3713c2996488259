package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.KeyPairs;
import dev.novaboot.compute.manager.MarkerNotFoundException;
import dev.novaboot.compute.store.KeyPairRecord;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/os-keypairs}: a user's key pairs as Nova answers for them at each
 * microversion: {@code type} from 2.2 (and 201/204 instead of 200/202), another user's
 * pairs for admins through {@code user_id} from 2.10, paging by name from 2.35.
 */
@RestController
class KeypairsController {


	private final KeyPairs keyPairs;

	KeypairsController(KeyPairs keyPairs) {
		this.keyPairs = keyPairs;
	}

	@PostMapping("/v2.1/os-keypairs")
	ResponseEntity<Map<String, Object>> create(RequestContext context, @RequestBody Map<String, Object> body,
			Microversion version) {
		KeypairRequests.CreateKeypair request = KeypairRequests.create(body, version);
		String user = user(context, request.userId(), "create");
		Map<String, Object> view = new LinkedHashMap<>();
		KeyPairRecord keyPair;
		if (request.publicKey() != null) {
			keyPair = this.keyPairs.importKey(context.projectId(), user, request.name(), request.type(), request.publicKey());
		}
		else {
			KeyPairs.Created created = this.keyPairs.generate(context.projectId(), user, request.name(), request.type());
			keyPair = created.keyPair();
			view.put("private_key", created.privateKey());
		}
		view.putAll(summary(keyPair, version));
		view.put("user_id", keyPair.getUserId());
		return ResponseEntity.status(version.isAtLeast(2, 2) ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Map.of("keypair", view));
	}

	@GetMapping("/v2.1/os-keypairs")
	Map<String, Object> list(RequestContext context, @RequestParam Map<String, String> query, Microversion version) {
		String user = user(context, version.isAtLeast(2, 10) ? query.get("user_id") : null, "index");
		boolean paged = version.isAtLeast(2, 35);
		int limit = paged ? Paging.limit(query.get("limit")) : Paging.MAX_LIMIT;
		String marker = paged ? query.get("marker") : null;
		List<KeyPairRecord> page;
		try {
			page = this.keyPairs.page(user, marker, limit);
		}
		catch (MarkerNotFoundException ex) {
			throw new BadRequestException("Marker " + ServerRequests.shown(marker) + " could not be found.");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("keypairs", page.stream().map((keyPair) -> Map.of("keypair", summary(keyPair, version))).toList());
		if (paged && !page.isEmpty()) {
			List<Map<String, String>> links = Paging.links(limit, page.size(), page.get(page.size() - 1).getName());
			if (!links.isEmpty()) {
				body.put("keypairs_links", links);
			}
		}
		return body;
	}

	@GetMapping("/v2.1/os-keypairs/{name}")
	Map<String, Object> show(RequestContext context, @PathVariable String name,
			@RequestParam(name = "user_id", required = false) String userId, Microversion version) {
		KeyPairRecord keyPair = this.keyPairs.get(user(context, version.isAtLeast(2, 10) ? userId : null, "show"),
				name);
		Map<String, Object> view = summary(keyPair, version);
		view.put("user_id", keyPair.getUserId());
		view.put("created_at", NovaTime.microseconds(keyPair.getCreatedAt()));
		// Nova shows its soft-delete columns, which a key pair never fills, and never updates one
		view.put("deleted", false);
		view.put("deleted_at", null);
		view.put("id", keyPair.getId());
		view.put("updated_at", null);
		return Map.of("keypair", view);
	}

	@DeleteMapping("/v2.1/os-keypairs/{name}")
	ResponseEntity<Void> delete(RequestContext context, @PathVariable String name,
			@RequestParam(name = "user_id", required = false) String userId, Microversion version) {
		this.keyPairs.delete(user(context, version.isAtLeast(2, 10) ? userId : null, "delete"), name);
		return ResponseEntity.status(version.isAtLeast(2, 2) ? HttpStatus.NO_CONTENT : HttpStatus.ACCEPTED).build();
	}

	// Nova's policy "admin_api or user_id:%(user_id)s": another user's key pairs are an admin's business
	private static String user(RequestContext context, String requested, String action) {
		if (requested == null || requested.equals(context.userId())) {
			return context.userId();
		}
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-keypairs:" + action);
		}
		return requested;
	}

	private static Map<String, Object> summary(KeyPairRecord keyPair, Microversion version) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", keyPair.getName());
		view.put("public_key", keyPair.getPublicKey());
		view.put("fingerprint", keyPair.getFingerprint());
		if (version.isAtLeast(2, 2)) {
			view.put("type", keyPair.getType().value());
		}
		return view;
	}

}
