package dev.novaboot.network.manager;

/**
 * Tells an instance's compute host that something of the instance's changed on the
 * network side, as Neutron's Nova notifier does: the host reads the instance's network
 * info again. Compute owns instances; the suite backs this by compute's RPC API.
 */
public interface InstanceEvents {

	/**
	 * {@code network-changed} for the instance on its host; best effort: a host that
	 * cannot be told now reads the change at its next refresh.
	 */
	void networkChanged(String host, String instanceUuid, String portUuid);

}
