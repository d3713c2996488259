package dev.novaboot.service;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Host-wide settings shared by every nova-boot service.
 *
 * @param host the host name this service reports and is addressed by ({@code topic.host});
 * the machine's host name when unset
 * @param rootHelper command prefix that drivers use to run host commands as root, for
 * example {@code sudo}; empty to run them directly
 */
@ConfigurationProperties("nova")
public record NovaProperties(String host, String rootHelper) {
}
