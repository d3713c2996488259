package dev.novaboot.volume.api;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.context.RequestContext;

/**
 * The checks every Block Storage call makes of the caller: the {@code {project_id}} of
 * the URL must be the caller's own project (Cinder answers a mismatch with 400
 * "Malformed request url", admins included: they see other projects' volumes through
 * {@code all_tenants}, not through another project's URL), and changes need a role that
 * may write.
 */
final class ProjectScope {

	private ProjectScope() {
	}

	static void check(RequestContext context, String projectId) {
		if (!projectId.equals(context.projectId())) {
			throw new BadRequestException("Malformed request url: the URL's project_id '" + projectId
					+ "' does not match the project of the caller's token '" + context.projectId() + "'.");
		}
	}

	static void checkWrite(RequestContext context, String projectId, String action) {
		check(context, projectId);
		if (!context.canWrite()) {
			throw new ForbiddenException("Policy doesn't allow " + action + " to be performed.");
		}
	}

	/** Admin-only operations, as Cinder's {@code RULE_ADMIN_API} policies: 403 for anyone else. */
	static void checkAdmin(RequestContext context, String projectId, String action) {
		check(context, projectId);
		if (!context.isAdmin()) {
			throw new ForbiddenException("Policy doesn't allow " + action + " to be performed.");
		}
	}

}
