package dev.novaboot.compute.api.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The suite's public APIs as the dashboard calls them: over HTTP, as the logged-in user.
 * Each method is one API call (or a few for one page) and answers the API's JSON as it
 * is, so that what a user sees is what the API lets that user see.
 */
interface CloudApi {

	/** Keystone's password flow; {@link CloudApiException} 401 for a refused login. */
	DashboardUser login(String user, String password, String project);

	/** {@code GET /v2.1/os-services} (2.53): the services. */
	List<Map<String, Object>> services(DashboardUser user);

	/** {@code PUT /v2.1/os-services/{id}} (2.53) with the given body. */
	void updateService(DashboardUser user, String serviceId, Map<String, Object> body);

	/** {@code GET /v2.1/os-hypervisors/detail} (2.53). */
	List<Map<String, Object>> hypervisors(DashboardUser user);

	/** {@code GET /v2.1/os-hypervisors/statistics}. */
	Map<String, Object> hypervisorStatistics(DashboardUser user);

	/** {@code GET /v2.1/servers/detail} with the query (filters, limit, marker). */
	Map<String, Object> servers(DashboardUser user, Map<String, String> query);

	/** {@code GET /v2.1/servers/{id}}. */
	Map<String, Object> server(DashboardUser user, String serverId);

	/** {@code POST /v2.1/servers/{id}/action} {@code os-getConsoleOutput}: the last lines. */
	String consoleOutput(DashboardUser user, String serverId, int lines);

	/** {@code GET /v2.1/servers/{id}/os-instance-actions}. */
	List<Map<String, Object>> instanceActions(DashboardUser user, String serverId);

	/** {@code GET <volumev3>/volumes/detail} with the query. */
	Map<String, Object> volumes(DashboardUser user, Map<String, String> query);

	/** {@code GET <volumev3>/messages}: the user messages of failed volume operations. */
	List<Map<String, Object>> volumeMessages(DashboardUser user);

	/** {@code GET <network>/v2.0/networks} with the query. */
	Map<String, Object> networks(DashboardUser user, Map<String, String> query);

	/** {@code GET <network>/v2.0/network-ip-availabilities} (admin only). */
	List<Map<String, Object>> ipAvailabilities(DashboardUser user);

}
