package dev.novaboot.compute.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.compute.manager.MarkerNotFoundException;
import dev.novaboot.compute.manager.ProjectIds;
import dev.novaboot.compute.manager.UsageReports.ProjectUsage;
import dev.novaboot.compute.manager.UsageReports.Report;
import dev.novaboot.compute.manager.UsageReports.ServerUsage;
import dev.novaboot.compute.manager.UsageReports;
import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.Microversion;
import dev.novaboot.service.context.RequestContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v2.1/os-simple-tenant-usage}: every project's usage for admins, a project's own
 * for its members, over {@code start} to {@code end} (both default to now), paged by
 * instance from 2.40 with {@code tenant_usages_links}.
 */
@RestController
class SimpleTenantUsageController {

	// Nova's formats for start and end, UTC
	private static final List<DateTimeFormatter> FORMATS = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
			DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS"),
			DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));


	private final UsageReports reports;

	private final ProjectIds projects;

	SimpleTenantUsageController(UsageReports reports, ProjectIds projects) {
		this.reports = reports;
		this.projects = projects;
	}

	@GetMapping("/v2.1/os-simple-tenant-usage")
	Map<String, Object> list(RequestContext context, @RequestParam Map<String, String> query, Microversion version) {
		if (!context.isAdmin()) {
			throw new PolicyForbiddenException("os_compute_api:os-simple-tenant-usage:list");
		}
		boolean detailed = "1".equals(query.get("detailed"));
		Report report = report(null, query, version);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tenant_usages",
				report.projects().stream().map((project) -> view(project, report, detailed)).toList());
		links(body, "tenant_usages_links", report, query, version);
		return body;
	}

	@GetMapping("/v2.1/os-simple-tenant-usage/{project}")
	Map<String, Object> show(RequestContext context, @PathVariable String project,
			@RequestParam Map<String, String> query, Microversion version) {
		if (!context.isAdmin() && !project.equals(context.projectId())) {
			throw new PolicyForbiddenException("os_compute_api:os-simple-tenant-usage:show");
		}
		this.projects.verify(project);
		Report report = report(project, query, version);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("tenant_usage", report.projects().isEmpty() ? Map.of() : view(report.projects().get(0), report, true));
		links(body, "tenant_usage_links", report, query, version);
		return body;
	}

	private Report report(String project, Map<String, String> query, Microversion version) {
		Instant start = time(query.get("start"));
		Instant end = time(query.get("end"));
		boolean paged = version.isAtLeast(2, 40);
		String marker = paged ? query.get("marker") : null;
		try {
			return this.reports.report(project, start, end, marker,
					paged ? Paging.limit(query.get("limit")) : Paging.MAX_LIMIT);
		}
		catch (MarkerNotFoundException ex) {
			throw new BadRequestException("Marker " + ServerRequests.shown(marker) + " could not be found.");
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException(ex.getMessage());
		}
	}

	private static void links(Map<String, Object> body, String name, Report report, Map<String, String> query,
			Microversion version) {
		if (!version.isAtLeast(2, 40) || report.servers().isEmpty()) {
			return;
		}
		List<Map<String, String>> links = Paging.links(Paging.limit(query.get("limit")), report.servers().size(),
				report.servers().get(report.servers().size() - 1).instanceId());
		if (!links.isEmpty()) {
			body.put(name, links);
		}
	}

	private static Map<String, Object> view(ProjectUsage project, Report report, boolean detailed) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("tenant_id", project.projectId());
		if (detailed) {
			view.put("server_usages", project.servers().stream().map(SimpleTenantUsageController::view).toList());
		}
		view.put("total_local_gb_usage", project.totalLocalGbUsage());
		view.put("total_vcpus_usage", project.totalVcpusUsage());
		view.put("total_memory_mb_usage", project.totalMemoryMbUsage());
		view.put("total_hours", project.totalHours());
		view.put("start", NovaTime.microseconds(report.start()));
		view.put("stop", NovaTime.microseconds(report.stop()));
		return view;
	}

	private static Map<String, Object> view(ServerUsage server) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("hours", server.hours());
		view.put("flavor", server.flavor());
		view.put("instance_id", server.instanceId());
		view.put("name", server.name());
		view.put("tenant_id", server.projectId());
		view.put("memory_mb", server.memoryMb());
		view.put("local_gb", server.localGb());
		view.put("vcpus", server.vcpus());
		view.put("started_at", NovaTime.microseconds(server.startedAt()));
		view.put("ended_at", (server.endedAt() != null) ? NovaTime.microseconds(server.endedAt()) : null);
		view.put("state", server.state());
		view.put("uptime", server.uptimeSeconds());
		return view;
	}

	// empty is now (null); a time without zone is UTC, as in Nova
	private static Instant time(String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		for (DateTimeFormatter format : FORMATS) {
			try {
				return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		throw new BadRequestException("Invalid datetime string: Datetime is in invalid format");
	}

}
