package dev.novaboot.service.manager;

import dev.novaboot.sample.SampleServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static dev.novaboot.service.testsupport.StartupFailures.assertStartupFails;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that {@code initHost()} finds unfit stops start-up with a message that says
 * which manager, which host and why, before the service registers itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class ManagerInitializationTests {

	@Test
	void failedInitHostStopsStartUpWithAClearMessage(CapturedOutput output) {
		assertStartupFails(SampleServiceApplication.class, "--sample.fail-init-host=true", "--nova.host=unfit-host");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The SampleManager could not prepare host unfit-host (initHost): volume group 'nova-volumes' not found")
			.doesNotContain("Creating the service record");
	}

	@Test
	void missingServiceIdentityNamesTheProperty(CapturedOutput output) {
		assertStartupFails(SampleServiceApplication.class, "--nova.service.binary=");
		assertThat(output).contains("APPLICATION FAILED TO START").contains("nova.service.binary");
	}

}
