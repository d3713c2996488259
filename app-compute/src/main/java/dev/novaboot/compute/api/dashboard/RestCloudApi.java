package dev.novaboot.compute.api.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@link CloudApi} over HTTP: the login at this app's own identity API, every other call
 * at the URL the token's catalog gives for its service type, with the user's token in
 * {@code X-Auth-Token} (a header, never a URL; nothing here logs it).
 */
@Component
class RestCloudApi implements CloudApi {

	/** The newest compute microversion served: uuids for service ids, forced_down, disabled_reason. */
	private static final String COMPUTE_VERSION = "compute 2.53";

	private static final TypeReference<Map<String, Object>> JSON = new TypeReference<>() {
	};

	private final RestClient client;

	private final JsonMapper json;

	private final Environment environment;

	RestCloudApi(ObjectProvider<RestClient.Builder> builder, JsonMapper json, Environment environment) {
		this.client = builder.getIfAvailable(RestClient::builder).build();
		this.json = json;
		this.environment = environment;
	}

	@Override
	public DashboardUser login(String user, String password, String project) {
		Map<String, Object> body = Map.of("auth", Map.of("identity",
				Map.of("methods", List.of("password"), "password",
						Map.of("user", Map.of("name", user, "domain", Map.of("name", "Default"), "password", password))),
				"scope", Map.of("project", Map.of("name", project, "domain", Map.of("name", "Default")))));
		String[] token = new String[1];
		Map<String, Object> answer = exchange(HttpMethod.POST, identityUrl() + "/auth/tokens", null, null, body, (headers) -> {
			token[0] = headers.getFirst("X-Subject-Token");
		});
		Map<String, Object> issued = map(answer.get("token"));
		Map<String, String> endpoints = new LinkedHashMap<>();
		for (Object entry : list(issued.get("catalog"))) {
			Map<String, Object> service = map(entry);
			list(service.get("endpoints")).stream()
				.map(RestCloudApi::map)
				.filter((endpoint) -> "public".equals(endpoint.get("interface")))
				.findFirst()
				.ifPresent((endpoint) -> endpoints.put((String) service.get("type"), (String) endpoint.get("url")));
		}
		List<String> roles = list(issued.get("roles")).stream().map((role) -> (String) map(role).get("name")).toList();
		return new DashboardUser((String) map(issued.get("user")).get("name"), (String) map(issued.get("project")).get("id"),
				(String) map(issued.get("project")).get("name"), roles, token[0],
				Instant.parse((String) issued.get("expires_at")), endpoints);
	}

	// the identity API of this very app: every app of the suite serves it and shares the users
	private String identityUrl() {
		return "http://127.0.0.1:" + this.environment.getProperty("local.server.port", "8774") + "/identity/v3";
	}

	@Override
	public List<Map<String, Object>> services(DashboardUser user) {
		return items(compute(user, HttpMethod.GET, "/os-services", null), "services");
	}

	@Override
	public void updateService(DashboardUser user, String serviceId, Map<String, Object> body) {
		compute(user, HttpMethod.PUT, "/os-services/" + serviceId, body);
	}

	@Override
	public List<Map<String, Object>> hypervisors(DashboardUser user) {
		return items(compute(user, HttpMethod.GET, "/os-hypervisors/detail", null), "hypervisors");
	}

	@Override
	public Map<String, Object> hypervisorStatistics(DashboardUser user) {
		return map(compute(user, HttpMethod.GET, "/os-hypervisors/statistics", null).get("hypervisor_statistics"));
	}

	@Override
	public Map<String, Object> servers(DashboardUser user, Map<String, String> query) {
		return compute(user, HttpMethod.GET, withQuery("/servers/detail", query), null);
	}

	@Override
	public Map<String, Object> server(DashboardUser user, String serverId) {
		return map(compute(user, HttpMethod.GET, "/servers/" + serverId, null).get("server"));
	}

	@Override
	public String consoleOutput(DashboardUser user, String serverId, int lines) {
		Map<String, Object> answer = compute(user, HttpMethod.POST, "/servers/" + serverId + "/action",
				Map.of("os-getConsoleOutput", Map.of("length", lines)));
		return (String) answer.getOrDefault("output", "");
	}

	@Override
	public List<Map<String, Object>> instanceActions(DashboardUser user, String serverId) {
		return items(compute(user, HttpMethod.GET, "/servers/" + serverId + "/os-instance-actions", null),
				"instanceActions");
	}

	@Override
	public Map<String, Object> volumes(DashboardUser user, Map<String, String> query) {
		return call(user, "volumev3", HttpMethod.GET, withQuery("/volumes/detail", query), null);
	}

	@Override
	public List<Map<String, Object>> volumeMessages(DashboardUser user) {
		return items(call(user, "volumev3", HttpMethod.GET, "/messages", null), "messages");
	}

	@Override
	public Map<String, Object> networks(DashboardUser user, Map<String, String> query) {
		return call(user, "network", HttpMethod.GET, withQuery("/v2.0/networks", query), null);
	}

	@Override
	public List<Map<String, Object>> ipAvailabilities(DashboardUser user) {
		return items(call(user, "network", HttpMethod.GET, "/v2.0/network-ip-availabilities", null),
				"network_ip_availabilities");
	}

	private Map<String, Object> compute(DashboardUser user, HttpMethod method, String path, Object body) {
		return call(user, "compute", method, path, body);
	}

	private Map<String, Object> call(DashboardUser user, String serviceType, HttpMethod method, String path,
			Object body) {
		String base = user.endpoints().get(serviceType);
		if (base == null) {
			throw new CloudApiException(503, "The " + serviceType + " service is not available (not in the catalog).");
		}
		// only the Compute API is asked for a microversion: Cinder refuses a header without its own
		return exchange(method, base + path, user.token(), serviceType.equals("compute") ? COMPUTE_VERSION : null, body,
				(headers) -> {
				});
	}

	private Map<String, Object> exchange(HttpMethod method, String url, String token, String microversion, Object body,
			java.util.function.Consumer<HttpHeaders> answerHeaders) {
		// the URL is encoded already (withQuery): a URI, so that it is not encoded twice
		RestClient.RequestBodySpec request = this.client.method(method)
			.uri(java.net.URI.create(url))
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (microversion != null) {
					headers.set("OpenStack-API-Version", microversion);
				}
				if (token != null) {
					headers.set("X-Auth-Token", token);
				}
			});
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		try {
			return request.exchange((sent, answer) -> {
				Map<String, Object> read = read(answer.getBody());
				if (answer.getStatusCode().isError()) {
					throw new CloudApiException(answer.getStatusCode().value(), messageOf(read));
				}
				answerHeaders.accept(answer.getHeaders());
				return read;
			});
		}
		catch (RestClientException ex) {
			throw new CloudApiException(503, "The API at " + UriComponentsBuilder.fromUriString(url).replaceQuery(null)
				.toUriString() + " cannot be reached.");
		}
	}

	private static String withQuery(String path, Map<String, String> query) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		query.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
		return uri.encode().buildAndExpand(query).toUriString();
	}

	private Map<String, Object> read(InputStream body) throws IOException {
		byte[] bytes = body.readAllBytes();
		if (bytes.length == 0) {
			return Map.of();
		}
		try {
			return this.json.readValue(bytes, JSON);
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
	}

	// Nova's {"itemNotFound": {"message": ...}}, Neutron's {"NeutronError": {...}}, Keystone's {"error": {...}}
	private static String messageOf(Map<String, Object> fault) {
		return fault.values()
			.stream()
			.filter(Map.class::isInstance)
			.map((value) -> ((Map<?, ?>) value).get("message"))
			.filter(String.class::isInstance)
			.map(String.class::cast)
			.findFirst()
			.orElse("The request failed.");
	}

	private static List<Map<String, Object>> items(Map<String, Object> answer, String collection) {
		return list(answer.get(collection)).stream().map(RestCloudApi::map).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

}
