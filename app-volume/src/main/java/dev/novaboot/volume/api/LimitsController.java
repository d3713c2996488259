package dev.novaboot.volume.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.volume.manager.VolumeQuotas;
import dev.novaboot.volume.manager.VolumeQuotas.Detail;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cinder's {@code GET /v3/{project_id}/limits} ({@code cinder/api/v3/limits.py}, the view
 * {@code cinder/api/views/limits.py} and {@code contrib/used_limits.py}): the caller's
 * project's absolute limits and what it uses; no rate limits. Before 3.39 Cinder ignores
 * a {@code project_id} parameter, so this answers for the caller's project only.
 */
@RestController
class LimitsController {

	private final VolumeQuotas quotas;

	LimitsController(VolumeQuotas quotas) {
		this.quotas = quotas;
	}

	@GetMapping("/v3/{projectId}/limits")
	Map<String, Object> limits(RequestContext context, @PathVariable String projectId) {
		ProjectScope.check(context, projectId);
		Map<String, Detail> details = this.quotas.details(context.projectId());
		Map<String, Object> absolute = new LinkedHashMap<>();
		absolute.put("maxTotalVolumeGigabytes", details.get("gigabytes").limit());
		absolute.put("maxTotalBackupGigabytes", details.get("backup_gigabytes").limit());
		absolute.put("maxTotalVolumes", details.get("volumes").limit());
		absolute.put("maxTotalSnapshots", details.get("snapshots").limit());
		absolute.put("maxTotalBackups", details.get("backups").limit());
		absolute.put("totalVolumesUsed", details.get("volumes").inUse());
		absolute.put("totalGigabytesUsed", details.get("gigabytes").inUse());
		absolute.put("totalSnapshotsUsed", details.get("snapshots").inUse());
		absolute.put("totalBackupsUsed", details.get("backups").inUse());
		absolute.put("totalBackupGigabytesUsed", details.get("backup_gigabytes").inUse());
		return Map.of("limits", Map.of("rate", List.of(), "absolute", absolute));
	}

}
