package dev.novaboot.service.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that every API of the suite applies before it reads a request.
 *
 * @param maxBodySize the largest request body an API endpoint (identity included) reads,
 * as oslo.middleware's {@code max_request_body_size} (114,688 bytes by default); a larger
 * one is refused with 413 before any parsing. The signed RPC endpoint has its own limit,
 * {@code nova.rpc.http.max-message-size}.
 */
@ConfigurationProperties("nova.api")
public record ApiProperties(@DefaultValue("114688B") DataSize maxBodySize) {

	public ApiProperties {
		if (maxBodySize.toBytes() < 1) {
			throw new IllegalArgumentException("nova.api.max-body-size must be at least 1 byte, not " + maxBodySize);
		}
	}

}
