package dev.novaboot.service.context;

import java.util.Set;

/**
 * Who asks, on whose behalf, and under which request id: taken from the caller's token by
 * the API layer, carried with every RPC message to remote managers (Nova's
 * {@code RequestContext}).
 *
 * @param requestId the id that ties together the logs of one request across services
 * @param userId the calling user
 * @param projectId the project the caller acts in; resources belong to projects
 * @param roles the caller's roles in that project ({@code admin}, {@code member},
 * {@code reader})
 */
public record RequestContext(String requestId, String userId, String projectId, Set<String> roles) {

	/** The request attribute under which the API layer keeps the current context. */
	public static final String ATTRIBUTE = RequestContext.class.getName();

	public RequestContext {
		roles = Set.copyOf(roles);
	}

	public boolean isAdmin() {
		return this.roles.contains("admin");
	}

	/** Whether the caller may change things: admins and members, not readers. */
	public boolean canWrite() {
		return this.roles.contains("admin") || this.roles.contains("member");
	}

}
