package dev.novaboot.compute.api.dashboard;

import java.util.List;
import java.util.Map;

import dev.novaboot.compute.ComputeProperties;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard/hypervisors}: each compute host's vCPUs, RAM and disk used against
 * its total, its running guests, and the cloud-wide total of
 * {@code os-hypervisors/statistics}. The allocation ratios are this suite's configured
 * ones ({@code nova.compute.*-allocation-ratio}): the Compute API before placement has
 * no call that shows them.
 */
@Controller
class HypervisorsPage {

	private final CloudApi cloud;

	private final ComputeProperties compute;

	HypervisorsPage(CloudApi cloud, ComputeProperties compute) {
		this.cloud = cloud;
		this.compute = compute;
	}

	@GetMapping("/dashboard/hypervisors")
	String hypervisors(@AuthenticationPrincipal DashboardUser me, Model model) {
		List<HypervisorRow> rows = this.cloud.hypervisors(me).stream().map(HypervisorRow::of).toList();
		model.addAttribute("hypervisors", rows);
		model.addAttribute("total", HypervisorRow.of(this.cloud.hypervisorStatistics(me)));
		model.addAttribute("ratios", Map.of("cpu", this.compute.cpuAllocationRatio(), "ram",
				this.compute.ramAllocationRatio(), "disk", this.compute.diskAllocationRatio()));
		return "dashboard/hypervisors";
	}

	/** A hypervisor (or the statistics' totals) as bars. */
	record HypervisorRow(String id, String hostname, String state, String status, Usage vcpus, Usage ram, Usage disk,
			long runningVms, long count) {

		static HypervisorRow of(Map<String, Object> h) {
			return new HypervisorRow(String.valueOf(h.get("id")), (String) h.get("hypervisor_hostname"),
					(String) h.get("state"), (String) h.get("status"),
					new Usage(Usage.number(h.get("vcpus_used")), Usage.number(h.get("vcpus")), "vCPUs"),
					new Usage(Usage.number(h.get("memory_mb_used")), Usage.number(h.get("memory_mb")), "MiB"),
					new Usage(Usage.number(h.get("local_gb_used")), Usage.number(h.get("local_gb")), "GiB"),
					Usage.number(h.get("running_vms")), Usage.number(h.get("count")));
		}

	}

}
