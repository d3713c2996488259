package dev.novaboot.service.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * An embedded H2 database in local files, as its JDBC URL names it: the directory that
 * holds its files ({@code <name>.mv.db}, {@code <name>.lock.db}, {@code <name>.trace.db})
 * and whether it serves other processes ({@code AUTO_SERVER=TRUE}).
 *
 * @param directory the directory of the database files
 * @param name the database name, the files' common prefix
 * @param autoServer whether the first process to open it serves it to the others over TCP
 */
public record H2FileDatabase(Path directory, String name, boolean autoServer) {

	private static final String PREFIX = "jdbc:h2:";

	/**
	 * The file database of an H2 URL such as {@code jdbc:h2:file:./var/nova;AUTO_SERVER=TRUE}
	 * or {@code jdbc:h2:~/nova}; empty for any other URL: other databases, H2 in memory,
	 * over TCP, in a zip file and the other file system prefixes.
	 */
	public static Optional<H2FileDatabase> of(String url) {
		if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
			return Optional.empty();
		}
		String[] parts = url.substring(PREFIX.length()).split(";");
		String location = parts[0];
		if (location.regionMatches(true, 0, "file:", 0, 5)) {
			location = location.substring(5);
		}
		else if (hasPrefix(location)) {
			return Optional.empty();
		}
		if (location.isBlank()) {
			return Optional.empty();
		}
		if (location.equals("~") || location.startsWith("~/") || location.startsWith("~\\")) {
			location = System.getProperty("user.home") + location.substring(1);
		}
		Path path = Path.of(location).toAbsolutePath().normalize();
		if (path.getParent() == null || path.getFileName() == null) {
			return Optional.empty();
		}
		return Optional.of(new H2FileDatabase(path.getParent(), path.getFileName().toString(), autoServer(parts)));
	}

	/** Whether a file of the directory belongs to this database (its data, lock, trace or temporary files). */
	public boolean owns(Path file) {
		return file.getFileName().toString().startsWith(this.name + ".");
	}

	// mem:, tcp:, ssl:, zip:, nio:, split: ... but not a Windows drive letter such as C:
	private static boolean hasPrefix(String location) {
		int colon = location.indexOf(':');
		return colon > 1;
	}

	private static boolean autoServer(String[] parts) {
		for (int i = 1; i < parts.length; i++) {
			String[] setting = parts[i].split("=", 2);
			if (setting.length == 2 && setting[0].trim().toUpperCase(Locale.ROOT).equals("AUTO_SERVER")) {
				return Boolean.parseBoolean(setting[1].trim());
			}
		}
		return false;
	}

}
