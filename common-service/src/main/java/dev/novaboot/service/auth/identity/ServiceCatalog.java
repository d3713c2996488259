package dev.novaboot.service.auth.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.ServiceRecord;

/**
 * The service catalog of a token: where the suite's APIs are. Each entry comes from an
 * up service of the matching binary in the {@code services} table (its
 * {@code rpc_endpoint} is {@code http://<host>:<port>}), unless
 * {@code nova.auth.public-urls.<type>} names the public URL, as behind a load balancer.
 */
public class ServiceCatalog {

	/** Catalog entries by service type: binary, name and the path under the endpoint. */
	private static final List<Kind> KINDS = List.of(new Kind("compute", "nova", "nova-compute", "/v2.1"),
			new Kind("volumev3", "cinderv3", "nova-volume", "/v3/{project_id}"),
			new Kind("network", "neutron", "nova-network", ""), new Kind("image", "glance", "nova-compute", "/image"));

	private final ServiceGroup serviceGroup;

	private final Map<String, String> publicUrls;

	private final String region;

	public ServiceCatalog(ServiceGroup serviceGroup, Map<String, String> publicUrls, String region) {
		this.serviceGroup = serviceGroup;
		this.publicUrls = publicUrls;
		this.region = region;
	}

	/**
	 * @param projectId the token's project, for URLs that name it
	 * @param identityUrl where the client reached the identity API
	 */
	public List<Entry> entries(String projectId, String identityUrl) {
		List<Entry> entries = new ArrayList<>();
		for (Kind kind : KINDS) {
			String url = this.publicUrls.get(kind.type());
			if (url == null) {
				// of several up services of a binary, the one heard from last: one row each
				Optional<ServiceRecord> latest = this.serviceGroup.latestUpWithEndpoint(kind.binary());
				if (latest.isPresent()) {
					url = latest.get().getRpcEndpoint() + kind.path();
				}
			}
			if (url != null) {
				entries.add(entry(kind.type(), kind.name(), url.replace("{project_id}", String.valueOf(projectId))));
			}
		}
		entries.add(entry("identity", "keystone", this.publicUrls.getOrDefault("identity", identityUrl)));
		return entries;
	}

	private Entry entry(String type, String name, String url) {
		// stable ids: the same service at the same URL keeps its id across tokens and apps
		String id = uuid(type + " " + url);
		return new Entry(uuid(type), type, name,
				List.of(new Endpoint(id, "public", this.region, this.region, url)));
	}

	private static String uuid(String text) {
		return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	record Kind(String type, String name, String binary, String path) {
	}

	/** One service of the catalog, in Keystone's shape. */
	public record Entry(String id, String type, String name, List<Endpoint> endpoints) {
	}

	/** One endpoint of a service. */
	public record Endpoint(String id, @JsonProperty("interface") String iface, String region,
			@JsonProperty("region_id") String regionId, String url) {
	}

}
