package dev.novaboot.service.manager;

/**
 * The smart part of a service: owns one aspect of the system and most of its database
 * access (Nova's {@code nova.manager.Manager}). Each app has one manager bean; the
 * starter runs {@link #initHost()} before the service reports itself up, and schedules
 * the manager's periodic tasks, which are its {@code @Scheduled} methods.
 */
public interface Manager {

	/**
	 * Prepares this host for the service: checks that the driver is usable and reconciles
	 * what a crash left behind. An exception stops start-up.
	 */
	default void initHost() {
	}

}
