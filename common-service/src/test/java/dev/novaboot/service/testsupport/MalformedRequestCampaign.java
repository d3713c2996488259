package dev.novaboot.service.testsupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static dev.novaboot.service.testsupport.FaultShapes.KEYSTONE;
import static dev.novaboot.service.testsupport.FaultShapes.assertFault;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded campaign of malformed requests against every route of an app's API, found in
 * its handler mappings so that a new route is covered without a word: broken and
 * wrongly-shaped JSON, fields of the wrong type, too long, negative or huge, ids that are
 * no ids, junk query parameters and headers. Every request that could change something is
 * malformed in at least one way the API must refuse. Each answer must be below 500 and,
 * when an error, in the API's fault shape; the caller compares the database before and
 * after. A failure names the seed and the request, so that it can be replayed.
 */
public final class MalformedRequestCampaign {

	/** What a field of a valid request body must be, and so how to break it for sure. */
	public enum Field {

		/** A string of at most 255 characters (names, descriptions, device ids). */
		LIMITED_STRING,

		/** A reference to an existing resource by id. */
		REFERENCE,

		/** A positive whole number (sizes). */
		POSITIVE_INTEGER,

		/** One of a few words. */
		ENUM

	}

	/** A valid body for {@code method route}, and the fields (JSON pointers) it may break. */
	public record Template(String method, String route, String body, Map<String, Field> fields) {
	}

	/** A route as the app maps it. */
	public record Route(String method, String pattern) {

		boolean changesState() {
			return !this.method.equals("GET") && !this.method.equals("HEAD");
		}

	}

	/** What the campaign sent, counted by status. */
	public record Outcome(int requests, Map<Integer, Integer> statuses) {
	}

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final String[] JUNK = { "", " ", "-1", "0", "1e309", "99999999999999999999999999", "null", "true",
			"../../etc/passwd", "' OR 1=1 --", "<script>alert(1)</script>", "%s%s%n", "\u0000", "\uD83D\uDE00\u202E",
			"e\u0301\u0301\u0301", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffffx",
			"{}", "[]", "\t\n", "\\", "a/b", "NaN", "Infinity", "-0", "0x10", "1.5" };

	private final int port;

	private final String token;

	private final FaultShapes shape;

	private final long seed;

	private final Random random;

	private final BiFunction<String, String, String> validValues;

	private final Map<String, Template> templates = new LinkedHashMap<>();

	/**
	 * @param validValues the value of a path variable (its name, for a route pattern) that
	 * names an existing resource, or {@code null} when any will do
	 */
	public MalformedRequestCampaign(int port, String token, FaultShapes shape, long seed,
			BiFunction<String, String, String> validValues) {
		this.port = port;
		this.token = token;
		this.shape = shape;
		this.seed = seed;
		this.random = new Random(seed);
		this.validValues = validValues;
	}

	public MalformedRequestCampaign template(Template template) {
		this.templates.put(template.method() + " " + template.route(), template);
		return this;
	}

	/** The app's own API routes: not identity, RPC, error or actuator. */
	public static List<Route> routes(ApplicationContext context) {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/identity") || pattern.startsWith("/rpc") || pattern.startsWith("/error")
						|| pattern.startsWith("${")) {
					continue;
				}
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(method.name(), pattern));
				}
			}
		}
		routes.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
		return routes;
	}

	/**
	 * Sends {@code requests} malformed requests spread over every route of the app of
	 * {@code context} and checks that its database is the same afterwards, but for the
	 * tables that match {@code volatileTables} (those services write on their own).
	 */
	public Outcome runChangingNothing(ApplicationContext context, String volatileTables, int requests) {
		DataSource dataSource = context.getBean(DataSource.class);
		Map<String, List<String>> before = DatabaseSnapshot.of(dataSource, volatileTables);
		Outcome outcome = run(routes(context), requests);
		assertThat(DatabaseSnapshot.of(dataSource, volatileTables)).as("the database after the campaign")
			.isEqualTo(before);
		return outcome;
	}

	/** Sends {@code requests} malformed requests spread over {@code routes}. */
	public Outcome run(List<Route> routes, int requests) {
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < requests; i++) {
			Route route = routes.get(this.random.nextInt(routes.size()));
			Request request = malformed(route);
			RawHttp.Response response = RawHttp.send(this.port, route.method(), request.target(), request.headers(),
					request.body());
			String what = "seed " + this.seed + ", request " + i + ": " + route.method() + " " + request.target()
					+ " (" + request.how() + ", body " + ((request.body() != null)
							? abbreviate(new String(request.body(), StandardCharsets.UTF_8)) : "none") + ") answered " + response.status() + " " + abbreviate(response.body());
			assertThat(response.status()).as(what).isLessThan(500);
			if (route.changesState()) {
				assertThat(response.status()).as(what).isBetween(400, 499);
			}
			if (response.status() >= 400) {
				try {
					assertFault(response, shapeFor(route), KEYSTONE);
				}
				catch (AssertionError ex) {
					throw new AssertionError(what, ex);
				}
			}
			statuses.merge(response.status(), 1, Integer::sum);
		}
		return new Outcome(requests, statuses);
	}

	// Nova's and Cinder's APIs (os-services on every app) answer in their shape
	private FaultShapes shapeFor(Route route) {
		return (route.pattern().startsWith("/v2.1/") || route.pattern().startsWith("/v3/")) ? FaultShapes.OPENSTACK
				: this.shape;
	}

	private record Request(String target, Map<String, String> headers, byte[] body, String how) {
	}

	private Request malformed(Route route) {
		Template template = this.templates.get(route.method() + " " + route.pattern());
		List<String> variables = variables(route.pattern());
		List<String> ways = new ArrayList<>();
		if (!variables.isEmpty()) {
			ways.add("path");
		}
		if (route.changesState() && !route.method().equals("DELETE")) {
			ways.addAll(List.of("syntax", "shape", "media-type"));
			if (template != null && !template.fields().isEmpty()) {
				ways.addAll(List.of("field", "field", "field"));
			}
		}
		if (!route.changesState()) {
			ways.addAll(List.of("query", "query", "header"));
		}
		if (ways.isEmpty()) {
			throw new IllegalStateException("No sure way to break " + route + ": give it a template");
		}
		String way = ways.get(this.random.nextInt(ways.size()));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Auth-Token", this.token);
		headers.put("Content-Type", "application/json");
		String junkVariable = way.equals("path") ? variables.get(this.random.nextInt(variables.size())) : null;
		String target = path(route.pattern(), junkVariable);
		if (way.equals("query") || this.random.nextInt(4) == 0) {
			target += "?" + junkQuery();
		}
		byte[] body = (template != null) ? template.body().getBytes(StandardCharsets.UTF_8) : null;
		switch (way) {
			case "syntax" -> body = brokenJson(template);
			case "shape" -> body = wrongShape(template);
			case "media-type" -> headers.put("Content-Type",
					pick(List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "image/png")));
			case "field" -> body = brokenField(template);
			case "header" -> headers.put(pick(List.of("OpenStack-API-Version", "X-OpenStack-Nova-API-Version",
					"X-OpenStack-Request-ID", "Accept", "X-Auth-Token")), junk());
			default -> {
			}
		}
		if (body == null && route.changesState() && !route.method().equals("DELETE")) {
			body = "{}".getBytes(StandardCharsets.UTF_8);
		}
		return new Request(target, headers, body, way + (junkVariable != null ? " {" + junkVariable + "}" : ""));
	}

	private String path(String pattern, String junkVariable) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = name.equals(junkVariable) ? urlJunk() : this.validValues.apply(pattern, name);
			if (value == null) {
				value = urlJunk();
			}
			String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
			matcher.appendReplacement(path, Matcher.quoteReplacement(encoded.isEmpty() ? "%20" : encoded));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	private String junkQuery() {
		List<String> names = List.of("limit", "marker", "offset", "sort_key", "sort_dir", "name", "status", "all_tenants",
				"changes-since", "fields", "id", "project_id", "network_id", "device_id", "binary", "host", "page_reverse",
				"minDisk", "minRam", "is_public", urlJunk());
		StringBuilder query = new StringBuilder();
		for (int i = 0, n = 1 + this.random.nextInt(2); i < n; i++) {
			if (i > 0) {
				query.append('&');
			}
			query.append(URLEncoder.encode(pick(names), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(urlJunk(), StandardCharsets.UTF_8));
		}
		return query.toString();
	}

	private byte[] brokenJson(Template template) {
		String valid = (template != null) ? template.body() : "{\"resource\": {\"name\": \"x\"}}";
		String broken = switch (this.random.nextInt(8)) {
			case 0 -> valid.substring(0, this.random.nextInt(valid.length()));
			case 1 -> valid + ",";
			case 2 -> valid.replaceFirst(":", "");
			case 3 -> valid.replace("\"", "'");
			case 4 -> "[".repeat(5000) + "]".repeat(5000);
			case 5 -> "{\"n\": " + "9".repeat(5000) + "}";
			case 6 -> "nul";
			default -> null;
		};
		if (broken == null) {
			byte[] bytes = new byte[1 + this.random.nextInt(64)];
			this.random.nextBytes(bytes);
			bytes[0] = (byte) 0xC3;
			return bytes;
		}
		return broken.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] wrongShape(Template template) {
		String wrapper = "resource";
		if (template != null) {
			JsonNode root = JSON.readTree(template.body());
			wrapper = root.propertyNames().iterator().next();
		}
		String quoted = JSON.writeValueAsString(wrapper);
		return pick(List.of("[]", "[" + (template != null ? template.body() : "{}") + "]", "\"text\"", "42", "null",
				"true", "{" + quoted + ": \"x\"}", "{" + quoted + ": [1, 2]}", "{" + quoted + ": null}",
				"{" + quoted + ": 7}", "{\"" + junk().replace("\\", "").replace("\"", "") + "x\": {}}"))
			.getBytes(StandardCharsets.UTF_8);
	}

	private byte[] brokenField(Template template) {
		ObjectNode root = (ObjectNode) JSON.readTree(template.body());
		// sorted: the same seed must send the same requests
		List<String> pointers = new ArrayList<>(new java.util.TreeSet<>(template.fields().keySet()));
		String pointer = pick(pointers);
		Field field = template.fields().get(pointer);
		int slash = pointer.lastIndexOf('/');
		ObjectNode parent = (ObjectNode) root.at(pointer.substring(0, slash));
		parent.set(pointer.substring(slash + 1), invalid(field));
		if (this.random.nextInt(3) == 0) {
			// an attribute the API does not know, beside the sure error
			parent.put("unknown_" + this.random.nextInt(100), junk());
		}
		return JSON.writeValueAsBytes(root);
	}

	private JsonNode invalid(Field field) {
		return switch (field) {
			case LIMITED_STRING -> pick(List.of(NODES.stringNode(longString(256 + this.random.nextInt(20_000))),
					NODES.numberNode(12345), NODES.objectNode(), NODES.arrayNode().add("x"), NODES.booleanNode(true)));
			case REFERENCE -> pick(List.of(NODES.stringNode(junkNotId()), NODES.numberNode(-1), NODES.objectNode(),
					NODES.arrayNode(), NODES.stringNode(longString(40_000)), NODES.booleanNode(false)));
			case POSITIVE_INTEGER -> pick(List.of(NODES.numberNode(-1), NODES.numberNode(0),
					NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
					NODES.numberNode(1e300), NODES.numberNode(1.5), NODES.stringNode("abc"), NODES.stringNode(""),
					NODES.booleanNode(true), NODES.arrayNode(), NODES.nullNode()));
			case ENUM -> pick(List.of(NODES.stringNode(junk() + "-not-a-choice"), NODES.numberNode(3), NODES.nullNode(),
					NODES.objectNode()));
		};
	}

	private String junkNotId() {
		String junk = junk();
		return junk.matches("[0-9a-f-]{36}") || junk.matches("\\d+") ? junk + "-not-an-id" : junk + "!";
	}

	// short enough that the request line stays within the container's 8 KB header limit,
	// beyond which it refuses the request before it can tell which API was asked
	private String urlJunk() {
		String junk = junk();
		return (junk.length() > 80) ? junk.substring(0, 80) : junk;
	}

	private String junk() {
		if (this.random.nextInt(5) == 0) {
			return longString(1 + this.random.nextInt(this.random.nextBoolean() ? 40 : 3000));
		}
		return JUNK[this.random.nextInt(JUNK.length)];
	}

	private String longString(int length) {
		StringBuilder text = new StringBuilder(length);
		String alphabet = "aZ9 -_.~ü中\u0301\u202E😀'\"\\/<>&%";
		while (text.length() < length) {
			text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
					this.random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
		}
		return text.toString();
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	private static List<String> variables(String pattern) {
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

}
