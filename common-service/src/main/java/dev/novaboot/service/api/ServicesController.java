package dev.novaboot.service.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nova's service administration API, {@code /v2.1/os-services}; every app of the suite
 * serves it and lists the services of the whole suite.
 */
@RestController
@RequestMapping("/v2.1/os-services")
class ServicesController {

	private final ServiceAdministration administration;

	ServicesController(ServiceAdministration administration) {
		this.administration = administration;
	}

	@GetMapping
	Map<String, List<ServiceView>> list(@RequestParam(required = false) String binary,
			@RequestParam(required = false) String host) {
		return Map.of("services", this.administration.list(binary, host).stream().map(ServiceView::of).toList());
	}

	@PutMapping("/{id}")
	Map<String, ServiceView> update(@PathVariable String id, @RequestBody ServiceUpdate update) {
		return Map.of("service", ServiceView.of(this.administration.update(id, update)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		this.administration.delete(id);
	}

}
