package dev.novaboot.service.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The error bodies OpenStack clients read, as assertions: a test says which shapes an
 * answer may have and gets a failure that quotes the body when it has another (Spring's
 * default error JSON, Tomcat's HTML page, a stack trace).
 */
public enum FaultShapes {

	/** Nova's and Cinder's {@code {"itemNotFound": {"code": 404, "message": "..."}}}. */
	OPENSTACK,

	/** Neutron's {@code {"NeutronError": {"type": "...", "message": "...", "detail": ""}}}. */
	NEUTRON,

	/** Keystone's and keystonemiddleware's {@code {"error": {"code", "title", "message"}}}. */
	KEYSTONE;

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Whether {@code body} has this shape for {@code status}. */
	public boolean matches(String body, int status) {
		JsonNode root;
		try {
			root = JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return false;
		}
		if (root == null || !root.isObject() || root.size() != 1) {
			return false;
		}
		String name = root.propertyNames().iterator().next();
		JsonNode fault = root.get(name);
		if (!fault.isObject() || !fault.path("message").isString() || fault.path("message").asString().isBlank()) {
			return false;
		}
		return switch (this) {
			case OPENSTACK -> !name.equals("error") && !name.equals("NeutronError")
					&& fault.path("code").asInt() == status;
			case NEUTRON -> name.equals("NeutronError") && fault.path("type").isString() && fault.has("detail");
			case KEYSTONE -> name.equals("error") && fault.path("code").asInt() == status && fault.path("title").isString();
		};
	}

	/** Fails unless {@code response} is an error in one of {@code allowed}. */
	public static void assertFault(RawHttp.Response response, FaultShapes... allowed) {
		assertFault(response.status(), response.body(), allowed);
	}

	public static void assertFault(int status, String body, FaultShapes... allowed) {
		assertThat(status).as("status of an error answer, body: %s", body).isBetween(400, 599);
		List<FaultShapes> shapes = Arrays.asList(allowed);
		if (shapes.stream().noneMatch((shape) -> shape.matches(body, status))) {
			fail("Expected a %s fault body with status %d, got: %s", shapes, status, body);
		}
	}

	/** The parsed body, for a closer look at a fault that has the right shape. */
	public static Map<?, ?> parse(String body) {
		return JSON.readValue(body, Map.class);
	}

}
