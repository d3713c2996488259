package dev.novaboot.volume.api;

import java.util.List;
import java.util.Map;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Calls the Block Storage API as one user of one project (noauth headers), the way an
 * OpenStack client would.
 */
class BlockStorageClient {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private final TestRestTemplate http;

	private final String project;

	private final String user;

	private final String roles;

	private final String versionHeader;

	BlockStorageClient(TestRestTemplate http, String project, String user, String roles) {
		this(http, project, user, roles, null);
	}

	private BlockStorageClient(TestRestTemplate http, String project, String user, String roles, String versionHeader) {
		this.http = http;
		this.project = project;
		this.user = user;
		this.roles = roles;
		this.versionHeader = versionHeader;
	}

	/** The same caller asking for {@code OpenStack-API-Version: volume <version>} (such as {@code 3.2} or {@code latest}). */
	BlockStorageClient atVersion(String version) {
		return withVersionHeader("volume " + version);
	}

	/** The same caller sending {@code OpenStack-API-Version} exactly as given. */
	BlockStorageClient withVersionHeader(String header) {
		return new BlockStorageClient(this.http, this.project, this.user, this.roles, header);
	}

	String project() {
		return this.project;
	}

	ResponseEntity<Map<String, Object>> get(String path) {
		return exchange(HttpMethod.GET, path, null);
	}

	ResponseEntity<Map<String, Object>> post(String path, Object body) {
		return exchange(HttpMethod.POST, path, body);
	}

	ResponseEntity<Map<String, Object>> delete(String path) {
		return exchange(HttpMethod.DELETE, path, null);
	}

	/** A body sent as is, such as malformed JSON. */
	ResponseEntity<Map<String, Object>> postRaw(String path, String body, MediaType type) {
		HttpHeaders headers = headers();
		headers.setContentType(type);
		return this.http.exchange(url(path), HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
	}

	ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body) {
		HttpHeaders headers = headers();
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(url(path), method, new HttpEntity<>(body, headers), JSON);
	}

	/** Creates a volume and returns it ({@code {"volume": ...}}'s content). */
	@SuppressWarnings("unchecked")
	Map<String, Object> createVolume(int size) {
		ResponseEntity<Map<String, Object>> response = post("/volumes", Map.of("volume", Map.of("size", size)));
		if (response.getStatusCode().value() != 202) {
			throw new IllegalStateException("create failed: " + response);
		}
		return (Map<String, Object>) response.getBody().get("volume");
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> volume(String id) {
		return (Map<String, Object>) get("/volumes/" + id).getBody().get("volume");
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> list(String path, String key) {
		return (List<Map<String, Object>>) get(path).getBody().get(key);
	}

	private String url(String path) {
		return path.startsWith("/v3") || path.equals("/") ? path : "/v3/" + this.project + path;
	}

	private HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Project-Id", this.project);
		headers.set("X-User-Id", this.user);
		headers.set("X-Roles", this.roles);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		if (this.versionHeader != null) {
			headers.set("OpenStack-API-Version", this.versionHeader);
		}
		return headers;
	}

}
