package dev.novaboot.service.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every way to spell a path that a security check on the raw path and routing on the
 * decoded one could read differently: each letter percent-encoded (both hex cases), double
 * encoding, encoded slashes, periods and backslashes, upper case, {@code ;param}, {@code //},
 * {@code /./}, {@code /x/../}, trailing slashes, query and fragment mixes, control bytes,
 * the absolute form. Give every new endpoint's path to it, and expect no spelling to reach
 * the handler unauthenticated.
 */
public final class PathVariants {

	private PathVariants() {
	}

	/** The spellings of {@code path} (which starts with {@code /}), the path itself excluded. */
	public static List<String> of(String path) {
		Set<String> variants = new LinkedHashSet<>();
		for (int i = 1; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c != '/') {
				String hex = String.format("%02X", (int) c);
				variants.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
				variants.add(path.substring(0, i) + "%" + hex.toLowerCase(Locale.ROOT) + path.substring(i + 1));
				variants.add(path.substring(0, i) + "%25" + hex + path.substring(i + 1));
			}
		}
		variants.add(encodeAll(path));
		String[] segments = path.substring(1).split("/");
		String first = segments[0];
		String rest = path.substring(1 + first.length());
		variants.add("/" + encodeAll("/" + first).substring(1) + rest);
		variants.add(path.replace("/", "%2F"));
		variants.add(path.replace("/", "%2f"));
		variants.add("/" + first + "%2F" + rest.substring(Math.min(1, rest.length())));
		variants.add(path.replace("/", "%252F"));
		variants.add(path.replace("/", "\\"));
		variants.add(path.replace("/", "%5C"));
		variants.add(path.toUpperCase(Locale.ROOT));
		variants.add("/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest);
		variants.add("/" + first + ";x=1" + rest);
		variants.add(path + ";jsessionid=0");
		variants.add("/" + first + ";" + rest);
		variants.add("/" + path);
		variants.add(path.replace("/", "//"));
		variants.add("/./" + path.substring(1));
		variants.add(path.replace("/", "/./"));
		variants.add("/x/../" + path.substring(1));
		variants.add("/" + first + "/../" + path.substring(1));
		variants.add("/x/%2e%2e/" + path.substring(1));
		variants.add("/x/%2E%2E/" + path.substring(1));
		variants.add("/x/.%2e/" + path.substring(1));
		variants.add("/x/..%2F" + path.substring(1));
		variants.add("/x/..;/" + path.substring(1));
		variants.add("/%2e/" + path.substring(1));
		variants.add(path + "/");
		variants.add(path + "//");
		variants.add(path + "/.");
		variants.add(path + "/..");
		variants.add(path + "?x=1");
		variants.add(path + "?" + path);
		variants.add("/x?/../" + path.substring(1));
		variants.add(path + "%3Fx=1");
		variants.add(path + "#fragment");
		variants.add(path + "%23fragment");
		variants.add(path + "%00");
		variants.add(path + "%00.json");
		variants.add(path + "%09");
		variants.add(path + "%20");
		variants.add(path + ".json");
		variants.add("/" + first + "%EF%BC%8F" + rest.substring(Math.min(1, rest.length())));
		variants.add("/%u00" + String.format("%02x", (int) first.charAt(0)) + path.substring(2));
		variants.add("http://127.0.0.1" + path);
		variants.add("http://127.0.0.1" + encodeAll(path));
		variants.remove(path);
		return new ArrayList<>(variants);
	}

	private static String encodeAll(String path) {
		StringBuilder encoded = new StringBuilder();
		for (char c : path.toCharArray()) {
			encoded.append(c == '/' ? "/" : String.format("%%%02X", (int) c));
		}
		return encoded.toString();
	}

}
