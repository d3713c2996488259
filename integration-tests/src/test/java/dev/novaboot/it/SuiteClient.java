package dev.novaboot.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/**
 * What a user of the cloud does over HTTP: logs in at the identity API, then sends JSON
 * to the OpenStack APIs of the three services with the token.
 */
final class SuiteClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String token;

	private final String projectId;

	private final String computeVersion;

	private SuiteClient(String token, String projectId) {
		this(token, projectId, null);
	}

	private SuiteClient(String token, String projectId, String computeVersion) {
		this.token = token;
		this.projectId = projectId;
		this.computeVersion = computeVersion;
	}

	/** The same user asking the Compute API for a microversion (none is 2.1). */
	SuiteClient atComputeVersion(String version) {
		return new SuiteClient(this.token, this.projectId, version);
	}

	/** Logs in as {@code user} in {@code project} (default domain) at {@code identity}. */
	static SuiteClient login(SuiteProcess identity, String user, String password, String project) throws Exception {
		String body = """
				{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
				          "domain": {"name": "Default"}, "password": "%s"}}},
				          "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}
				""".formatted(user, password, project);
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(identity.url("/identity/v3/auth/tokens"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
		}
		return new SuiteClient(response.headers().firstValue("X-Subject-Token").orElseThrow(),
				JsonPath.read(response.body(), "$.token.project.id"));
	}

	String token() {
		return this.token;
	}

	String projectId() {
		return this.projectId;
	}

	Response get(SuiteProcess app, String path) throws IOException, InterruptedException {
		return send(app, path, "GET", null);
	}

	/** A GET of a plain text document, such as {@code /actuator/prometheus}. */
	Response getText(SuiteProcess app, String path) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(app.url(path).toString()))
			.timeout(Duration.ofSeconds(30))
			.header("X-Auth-Token", this.token)
			.header("Accept", "text/plain")
			.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	Response post(SuiteProcess app, String path, String json) throws IOException, InterruptedException {
		return send(app, path, "POST", json);
	}

	Response put(SuiteProcess app, String path) throws IOException, InterruptedException {
		return send(app, path, "PUT", null);
	}

	Response put(SuiteProcess app, String path, String json) throws IOException, InterruptedException {
		return send(app, path, "PUT", json);
	}

	Response patch(SuiteProcess app, String path, String json) throws IOException, InterruptedException {
		return send(app, path, "PATCH", json);
	}

	Response delete(SuiteProcess app, String path) throws IOException, InterruptedException {
		return send(app, path, "DELETE", null);
	}

	private Response send(SuiteProcess app, String path, String method, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path).toString()))
			.timeout(Duration.ofSeconds(30))
			.header("X-Auth-Token", this.token)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.computeVersion != null) {
			request.header("OpenStack-API-Version", "compute " + this.computeVersion);
		}
		request.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json)
				: HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body());
	}

	record Response(int status, String body) {

		<T> T read(String path) {
			return JsonPath.read(this.body, path);
		}

		DocumentContext json() {
			return JsonPath.parse(this.body);
		}

		Response expect(int expected) {
			if (this.status != expected) {
				throw new AssertionError("expected " + expected + " but got " + this.status + ": " + this.body);
			}
			return this;
		}

	}

}
