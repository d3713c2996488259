package dev.novaboot.service;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a service reports about itself in the {@code services} table.
 *
 * @param binary the service's binary name, such as {@code nova-volume}
 * @param topic the RPC topic of the service's manager, such as {@code volume}
 * @param zone the availability zone reported with the service
 * @param reportInterval heartbeat period (Nova's {@code report_interval})
 * @param downTime a service whose last heartbeat is older than this is down (Nova's
 * {@code service_down_time})
 */
@ConfigurationProperties("nova.service")
@Validated
public record ServiceProperties(@NotBlank String binary, @NotBlank String topic, @DefaultValue("nova") String zone,
		@DefaultValue("10s") Duration reportInterval, @DefaultValue("60s") Duration downTime) {
}
