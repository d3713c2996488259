package dev.novaboot.compute.api.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.ServiceProperties;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dashboard/services}: every service of the suite with its heartbeat's age, and
 * for admins the buttons of {@code PUT /v2.1/os-services/{id}}: disable with a reason,
 * enable, force down and back up. The Compute API decides who may (admins only).
 */
@Controller
class ServicesPage {

	private final CloudApi cloud;

	private final ServiceProperties service;

	private final Clock clock;

	ServicesPage(CloudApi cloud, ServiceProperties service) {
		this.cloud = cloud;
		this.service = service;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/dashboard/services")
	String services(@AuthenticationPrincipal DashboardUser me, Model model) {
		Instant now = this.clock.instant();
		List<ServiceRow> rows = this.cloud.services(me)
			.stream()
			.map((service) -> ServiceRow.of(service, now, this.service.downTime()))
			.sorted(Comparator.comparing(ServiceRow::binary).thenComparing(ServiceRow::host))
			.toList();
		model.addAttribute("services", rows);
		model.addAttribute("downCount", rows.stream().filter((row) -> !row.up()).count());
		return "dashboard/services";
	}

	@PostMapping("/dashboard/services/{id}/disable")
	String disable(@AuthenticationPrincipal DashboardUser me, @PathVariable String id,
			@RequestParam(defaultValue = "") String reason) {
		// Nova's limit; checked here so that a refused reason changes nothing
		if (reason.length() > 255) {
			throw new BadDashboardRequestException("A reason has 255 characters at most.");
		}
		Map<String, Object> body = reason.isBlank() ? Map.of("status", "disabled")
				: Map.of("status", "disabled", "disabled_reason", reason.strip());
		this.cloud.updateService(me, Ids.uuid("service", id), body);
		return "redirect:/dashboard/services";
	}

	@PostMapping("/dashboard/services/{id}/enable")
	String enable(@AuthenticationPrincipal DashboardUser me, @PathVariable String id) {
		this.cloud.updateService(me, Ids.uuid("service", id), Map.of("status", "enabled"));
		return "redirect:/dashboard/services";
	}

	@PostMapping("/dashboard/services/{id}/force-down")
	String forceDown(@AuthenticationPrincipal DashboardUser me, @PathVariable String id,
			@RequestParam(defaultValue = "true") boolean down) {
		this.cloud.updateService(me, Ids.uuid("service", id), Map.of("forced_down", down));
		return "redirect:/dashboard/services";
	}

}
