package dev.novaboot.service.files;

import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.logging.LogFile;

/**
 * Restricts the log file that Spring Boot writes ({@code logging.file.name} or
 * {@code logging.file.path}) to its owner: logs name users, projects and hosts. The
 * logging system creates it, with the process's umask, before any bean exists, hence
 * afterwards. Without a log file (logs on the console, as {@code bin/start-suite} runs
 * the apps) there is nothing to do: whoever redirects the console owns that file.
 */
public class OwnerOnlyLogFile implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(OwnerOnlyLogFile.class);

	private final LogFile logFile;

	private final OwnerOnlyFiles files;

	/**
	 * @param logFile the log file, {@code null} when logs go to the console only
	 */
	public OwnerOnlyLogFile(LogFile logFile, OwnerOnlyFiles files) {
		this.logFile = logFile;
		this.files = files;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.logFile == null) {
			return;
		}
		try {
			this.files.restrict(Path.of(this.logFile.toString()));
		}
		catch (UncheckedIOException ex) {
			logger.warn("Cannot restrict the log file " + this.logFile + " to its owner: " + ex.getCause().getMessage());
		}
	}

}
