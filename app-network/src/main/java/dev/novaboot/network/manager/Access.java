package dev.novaboot.network.manager;

import dev.novaboot.service.context.RequestContext;

/**
 * Project isolation: a caller sees its project's resources (and shared networks); admins
 * see everything. Another project's resource is "not found", as in Neutron.
 */
final class Access {

	private Access() {
	}

	static boolean canSee(RequestContext context, String projectId) {
		return context.isAdmin() || context.projectId().equals(projectId);
	}

	/** The project a new resource belongs to: the caller's, or any project for an admin. */
	static String owner(RequestContext context, String requested) {
		if (requested == null || requested.isBlank() || requested.equals(context.projectId())) {
			return context.projectId();
		}
		if (!context.isAdmin()) {
			throw NetworkException.forbidden("Only an admin can create resources for another project.");
		}
		return requested;
	}

	static void checkWrite(RequestContext context) {
		if (!context.canWrite()) {
			throw NetworkException.forbidden("The reader role cannot change resources.");
		}
	}

}
