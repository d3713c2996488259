package dev.novaboot.network.manager;

/**
 * Tells whether an instance still exists, for releasing the addresses of instances that
 * are gone. Compute owns instances; the suite backs this by compute's RPC API.
 */
public interface InstanceDirectory {

	/**
	 * @return whether the instance exists; an exception when that cannot be told now (the
	 * instance's addresses are then kept)
	 */
	boolean exists(String instanceUuid);

}
