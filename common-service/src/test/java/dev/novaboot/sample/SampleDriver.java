package dev.novaboot.sample;

import dev.novaboot.service.driver.Driver;
import dev.novaboot.service.driver.SelectedBy;

/**
 * A driver kind chosen by {@code sample.driver}.
 */
@SelectedBy(property = "sample.driver", choices = SampleDriver.Choice.class)
public interface SampleDriver extends Driver {

	enum Choice {

		ALPHA, BETA

	}

}
