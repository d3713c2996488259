package dev.novaboot.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Host-wide settings shared by every nova-boot service.
 *
 * @param host the host name this service reports and is addressed by ({@code topic.host});
 * the machine's host name when unset
 * @param rootHelper command prefix that drivers use to run host commands as root, for
 * example {@code sudo}; empty to run them directly
 * @param commandTimeout how long a host command may run before it is killed
 */
@ConfigurationProperties("nova")
public record NovaProperties(String host, String rootHelper, @DefaultValue("60s") Duration commandTimeout) {
}
