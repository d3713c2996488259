package dev.novaboot.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.context.RequestContext;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project-owned resource as the subsystems' APIs serve theirs: the caller's
 * {@link RequestContext} decides what it sees; another project's resource is a 404.
 */
@RestController
class SampleResourceController {

	private final Map<String, Sample> samples = new ConcurrentHashMap<>();

	@PostMapping("/v2.1/samples")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Sample> create(RequestContext context, @RequestBody Map<String, Map<String, String>> body) {
		Sample sample = new Sample(UUID.randomUUID().toString(), body.get("sample").get("name"), context.projectId(),
				context.userId());
		this.samples.put(sample.id(), sample);
		return Map.of("sample", sample);
	}

	@GetMapping("/v2.1/samples")
	Map<String, List<Sample>> list(RequestContext context) {
		return Map.of("samples", this.samples.values()
			.stream()
			.filter((sample) -> context.isAdmin() || sample.projectId().equals(context.projectId()))
			.toList());
	}

	@GetMapping("/v2.1/samples/{id}")
	Map<String, Sample> show(RequestContext context, @PathVariable String id) {
		Sample sample = this.samples.get(id);
		if (sample == null || !(context.isAdmin() || sample.projectId().equals(context.projectId()))) {
			throw new NotFoundException("Sample " + id + " could not be found.");
		}
		return Map.of("sample", sample);
	}

	/** A bug in an API: what the caller sees of an exception nobody handled. */
	@GetMapping("/v2.1/samples/{id}/explode")
	Map<String, Sample> explode(@PathVariable String id) {
		throw new IllegalStateException("secret internal detail of " + id);
	}

	/** The caller's context as the API layer established it. */
	@GetMapping("/v2.1/whoami")
	RequestContext whoami(RequestContext context) {
		return context;
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	Map<String, Map<String, Object>> notFound(NotFoundException ex) {
		return Map.of("itemNotFound", Map.of("code", 404, "message", ex.getMessage()));
	}

	record Sample(String id, String name, String projectId, String userId) {
	}

}
