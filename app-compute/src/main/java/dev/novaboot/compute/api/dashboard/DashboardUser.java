package dev.novaboot.compute.api.dashboard;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who is logged in to the dashboard: what Keystone's token answer said, with the token
 * itself. Kept in the server-side session only; {@link #toString()} never shows the token.
 * @param endpoints the token's catalog: public URL by service type
 */
record DashboardUser(String userName, String projectId, String projectName, List<String> roles, String token,
		Instant expiresAt, Map<String, String> endpoints) implements Serializable {

	public boolean isAdmin() {
		return this.roles.contains("admin");
	}

	@Override
	public String toString() {
		return "DashboardUser[" + this.userName + " in " + this.projectName + " " + this.roles + "]";
	}

}
