package dev.novaboot.service.driver;

import org.springframework.boot.health.contributor.Health;

/**
 * What every driver, whatever its kind, tells the operator: its name (the value of the
 * property that chose it) and whether the host can use it. Drivers are the part that
 * runs shell commands and talks to non-Java code; their state shows in
 * {@code /actuator/health} under {@code driver} and in {@code /actuator/info}.
 */
public interface Driver {

	/** The value of the choosing property that selects this driver, such as {@code file}. */
	String name();

	/** Whether this host can use the driver now; details help the operator see why not. */
	Health health();

}
