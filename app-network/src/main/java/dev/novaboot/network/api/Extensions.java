package dev.novaboot.network.api;

import java.util.List;
import java.util.Optional;

/**
 * The API extensions this service implements, each described as Neutron describes it
 * (alias, name, description and {@code updated} from {@code neutron_lib.api.definitions}
 * or, for the standard attributes, neutron's own extension descriptors), so that clients
 * discover what they can use. An extension is listed only once everything it promises
 * works: add one here with the feature, never before.
 */
final class Extensions {

	/** One extension as {@code /v2.0/extensions} shows it. */
	record Extension(String alias, String name, String description, String updated) {
	}

	static final List<Extension> IMPLEMENTED = List.of(
			// enable_snat in a router's external_gateway_info
			new Extension("ext-gw-mode", "Neutron L3 Configurable external gateway mode",
					"Extension of the router abstraction for specifying whether SNAT should occur on the external "
							+ "gateway",
					"2013-03-28T10:00:00-00:00"),
			// router:external on networks
			new Extension("external-net", "Neutron external network",
					"Adds external network attribute to network resource.", "2013-01-14T10:00:00-00:00"),
			// routes on routers, realized in the router's namespace by the linux driver
			new Extension("extraroute", "Neutron Extra Route", "Extra routes configuration for L3 router",
					"2013-02-01T10:00:00-00:00"),
			// /v2.0/network-ip-availabilities (admin only)
			new Extension("network-ip-availability", "Network IP Availability",
					"Provides IP availability data for each network and subnet.", "2015-09-24T00:00:00-00:00"),
			// provider:network_type, provider:physical_network, provider:segmentation_id
			new Extension("provider", "Provider Network", "Expose mapping of virtual networks to physical networks",
					"2012-09-07T10:00:00-00:00"),
			new Extension("project-id", "project_id field enabled",
					"Extension that indicates that project_id field is enabled.", "2016-09-09T09:09:09-09:09"),
			new Extension("standard-attr-description", "standard-attr-description",
					"Extension to add descriptions to standard attributes", "2016-02-10T10:00:00-00:00"),
			new Extension("standard-attr-timestamp", "Resource timestamps",
					"Adds created_at and updated_at fields to all Neutron resources that have Neutron standard "
							+ "attributes.",
					"2016-09-12T10:00:00-00:00"),
			new Extension("net-mtu", "Network MTU", "Provides MTU attribute for a network resource.",
					"2015-03-25T10:00:00-00:00"),
			// limit, marker, page_reverse and <collection>_links
			new Extension("pagination", "Pagination support", "Extension that indicates that pagination is enabled.",
					"2016-06-12T00:00:00-00:00"),
			// /v2.0/quotas: limits per project, enforced on every create
			new Extension("quotas", "Quota management support", "Expose functions for quotas management per project",
					"2012-07-29T10:00:00-00:00"),
			// /v2.0/quotas/{project_id}/details: limit, used and reserved
			new Extension("quota_details", "Quota details management support",
					"Expose functions for quotas usage statistics per project", "2017-02-10T10:00:00-00:00"),
			// /v2.0/routers with add/remove_router_interface; routers hold floating IPs' NAT
			new Extension("router", "Neutron L3 Router",
					"Router abstraction for basic L3 forwarding between L2 Neutron networks and access to external "
							+ "networks via a NAT gateway.",
					"2012-07-20T10:00:00-00:00"),
			// /v2.0/security-groups and /v2.0/security-group-rules (enforced per instance port by the linux driver)
			new Extension("security-group", "security-group", "The security groups extension.",
					"2012-10-05T10:00:00-00:00"),
			// sort_key and sort_dir
			new Extension("sorting", "Sorting support", "Extension that indicates that sorting is enabled.",
					"2016-06-12T00:00:00-00:00"));

	private Extensions() {
	}

	static Optional<Extension> byAlias(String alias) {
		return IMPLEMENTED.stream().filter((extension) -> extension.alias().equals(alias)).findFirst();
	}

}
