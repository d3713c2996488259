package dev.novaboot.service.rpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.novaboot.service.record.ServiceRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default choice among the up services of a topic.
 */
class LeastRecentlyUsedChooserTests {

	private static ServiceRecord service(String host) {
		return new ServiceRecord(host, "nova-compute", "compute", "nova", 1, Instant.now());
	}

	@Test
	void rotatesOverTheCandidatesAndPrefersOnesNeverUsed() {
		LeastRecentlyUsedChooser chooser = new LeastRecentlyUsedChooser();
		ServiceRecord a = service("a");
		ServiceRecord b = service("b");
		ServiceRecord c = service("c");
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			chosen.add(chooser.choose("compute", List.of(a, b)).getHost());
		}
		assertThat(chosen).containsExactly("a", "b", "a", "b");
		assertThat(chooser.choose("compute", List.of(a, b, c)).getHost()).isEqualTo("c");
		assertThat(chooser.choose("compute", List.of(a, b, c)).getHost()).isEqualTo("a");
	}

}
