package dev.novaboot.service.testsupport;

import java.util.Map;

import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.record.ServiceRecordRepository;

import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every app of the suite shows once started: its service record, the health
 * components an operator watches, and what it runs in {@code /actuator/info}.
 */
public final class ServiceWiring {

	private ServiceWiring() {
	}

	public static ServiceRecord assertRegistered(ServiceRecordRepository services, String host, String binary,
			String topic) {
		ServiceRecord record = services.findLive(host, binary).orElseThrow(
				() -> new AssertionError("no live service record for " + binary + " on " + host));
		assertThat(record.getTopic()).isEqualTo(topic);
		assertThat(record.getRpcEndpoint()).startsWith("http://" + host + ":");
		return record;
	}

	public static void assertHealthy(HealthEndpoint health) {
		for (String component : new String[] { "db", "serviceState", "driver" }) {
			assertThat(health.healthForPath(component).getStatus()).as(component).isEqualTo(Status.UP);
		}
	}

	/** The {@code service} section of {@code /actuator/info}. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> serviceInfo(InfoEndpoint info) {
		return (Map<String, Object>) info.info().get("service");
	}

	@SuppressWarnings("unchecked")
	public static Map<String, String> driversInfo(InfoEndpoint info) {
		return (Map<String, String>) serviceInfo(info).get("drivers");
	}

}
