package dev.novaboot.compute.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.auth.AuthProperties;
import dev.novaboot.service.auth.identity.ServiceCatalog;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The suite's Networking and Block Storage APIs as Nova's proxy APIs call Neutron and
 * Cinder: over their public REST APIs, found in the service catalog, as the caller (with
 * the caller's own credentials, so that their policies and project scoping apply as if the
 * caller had asked them). An error the sibling answers comes back as a
 * {@link SiblingApiException} with its status and message.
 */
@Component
class SiblingApis {

	/** What a sibling needs to know who calls: a token, or the development-only noauth headers. */
	private static final List<String> CREDENTIALS = List.of("X-Auth-Token", "X-Project-Id", "X-User-Id", "X-Roles");

	private static final TypeReference<Map<String, Object>> JSON = new TypeReference<>() {
	};

	private final ServiceCatalog catalog;

	private final RestClient client;

	private final JsonMapper json;

	// the token issuer's catalog; without one (noauth) the same catalog of the services table
	SiblingApis(ObjectProvider<ServiceCatalog> catalog, ServiceGroup serviceGroup, AuthProperties properties,
			ObjectProvider<RestClient.Builder> builder, JsonMapper json) {
		this.catalog = catalog
			.getIfAvailable(() -> new ServiceCatalog(serviceGroup, properties.publicUrls(), properties.region()));
		this.client = builder.getIfAvailable(RestClient::builder).build();
		this.json = json;
	}

	/**
	 * Calls the sibling and returns its JSON answer (empty for none).
	 * @param serviceType the catalog type: {@code network} or {@code volumev3}
	 * @param path the path under the catalog URL, query included
	 * @throws SiblingApiException for an error answer, or 503 when no such service is up
	 */
	Map<String, Object> call(RequestContext context, HttpHeaders caller, HttpMethod method, String serviceType,
			String path, Object body) {
		String base = this.catalog.entries(context.projectId(), "")
			.stream()
			.filter((entry) -> entry.type().equals(serviceType))
			.findFirst()
			.map((entry) -> entry.endpoints().get(0).url())
			.orElseThrow(() -> new SiblingApiException(503, "The " + serviceType + " service is not available."));
		RestClient.RequestBodySpec request = this.client.method(method)
			.uri(base + path)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> CREDENTIALS.forEach((name) -> {
				if (caller.containsHeader(name)) {
					headers.set(name, caller.getFirst(name));
				}
			}));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		try {
			return request.exchange((sent, answer) -> {
				Map<String, Object> read = read(answer.getBody());
				if (answer.getStatusCode().isError()) {
					throw new SiblingApiException(answer.getStatusCode().value(), messageOf(read));
				}
				return read;
			});
		}
		catch (RestClientException ex) {
			throw new SiblingApiException(503, "The " + serviceType + " service cannot be reached.");
		}
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

	// Neutron's {"NeutronError": {"message": ...}} or Cinder's {"itemNotFound": {"message": ...}}
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

	/** An error answer of a sibling API, or none at all. */
	static class SiblingApiException extends RuntimeException {

		private final int status;

		SiblingApiException(int status, String message) {
			super(message);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
