package dev.novaboot.compute.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.novaboot.compute.manager.ComputeNodeQueries;
import dev.novaboot.compute.manager.ComputeServices;
import dev.novaboot.compute.store.ComputeNode;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.record.ServiceRecord;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/os-hypervisors}: the compute nodes with their resources and their service's
 * state (ids are the nodes' uuids, as from microversion 2.53). Admin-only once the auth
 * layer enforces policies.
 */
@RestController
class HypervisorsController {

	private final ComputeNodeQueries nodes;

	private final ComputeServices services;

	HypervisorsController(ComputeNodeQueries nodes, ComputeServices services) {
		this.nodes = nodes;
		this.services = services;
	}

	@GetMapping("/v2.1/os-hypervisors")
	Map<String, List<Map<String, Object>>> list() {
		return Map.of("hypervisors", this.nodes.list().stream().map(this::summary).toList());
	}

	@GetMapping("/v2.1/os-hypervisors/detail")
	Map<String, List<Map<String, Object>>> detail() {
		return Map.of("hypervisors", this.nodes.list().stream().map(this::detail).toList());
	}

	@GetMapping("/v2.1/os-hypervisors/{id}")
	Map<String, Map<String, Object>> show(@PathVariable String id) {
		return Map.of("hypervisor", detail(this.nodes.find(id)
			.orElseThrow(() -> new NotFoundException("Hypervisor " + id + " could not be found."))));
	}

	private Map<String, Object> summary(ComputeNode node) {
		Optional<ServiceRecord> service = this.services.find(node.getHost());
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", node.getUuid());
		view.put("hypervisor_hostname", node.getHost());
		view.put("state", service.map(this.services::isUp).orElse(false) ? "up" : "down");
		view.put("status", service.map(ServiceRecord::isDisabled).orElse(false) ? "disabled" : "enabled");
		return view;
	}

	private Map<String, Object> detail(ComputeNode node) {
		Map<String, Object> view = summary(node);
		Optional<ServiceRecord> service = this.services.find(node.getHost());
		view.put("hypervisor_type", node.getHypervisorType());
		view.put("hypervisor_version", node.getHypervisorVersion());
		view.put("host_ip", null);
		view.put("vcpus", node.getVcpus());
		view.put("vcpus_used", node.getVcpusUsed());
		view.put("memory_mb", node.getMemoryMb());
		view.put("memory_mb_used", node.getMemoryMbUsed());
		view.put("free_ram_mb", node.getMemoryMb() - node.getMemoryMbUsed());
		view.put("local_gb", node.getLocalGb());
		view.put("local_gb_used", node.getLocalGbUsed());
		view.put("free_disk_gb", node.getLocalGb() - node.getLocalGbUsed());
		view.put("disk_available_least", node.getLocalGb() - node.getLocalGbUsed());
		view.put("running_vms", node.getRunningVms());
		view.put("current_workload", 0);
		view.put("cpu_info", "{}");
		Map<String, Object> serviceView = new LinkedHashMap<>();
		serviceView.put("host", node.getHost());
		serviceView.put("id", service.map(ServiceRecord::getUuid).orElse(null));
		serviceView.put("disabled_reason", service.map(ServiceRecord::getDisabledReason).orElse(null));
		view.put("service", serviceView);
		return view;
	}

}
