package dev.novaboot.network.driver;

import org.springframework.boot.health.contributor.Health;

/**
 * Changes nothing on the host: bookkeeping only, for hosts whose networking is managed
 * elsewhere, and for tests.
 */
public class NoopNetworkDriver implements NetworkDriver {

	@Override
	public String name() {
		return "noop";
	}

	@Override
	public Health health() {
		return Health.up().build();
	}

	@Override
	public void initHost() {
	}

	@Override
	public void tearDownHost() {
	}

	@Override
	public void plug(BridgeSetup setup) {
	}

	@Override
	public void unplug(BridgeSetup setup) {
	}

	@Override
	public void removeGateway(String bridge, String gatewayCidr) {
	}

	@Override
	public void updateDhcp(DhcpConfig config) {
	}

	@Override
	public void stopDhcp(String networkId) {
	}

	@Override
	public void bindFloatingIp(String floatingAddress, String fixedAddress) {
	}

	@Override
	public void unbindFloatingIp(String floatingAddress, String fixedAddress) {
	}

	@Override
	public void applyRouter(RouterSetup setup) {
	}

	@Override
	public void removeRouter(String routerId) {
	}

	@Override
	public boolean enforcesPortFilters() {
		return false;
	}

	@Override
	public void applyPortFilter(PortFilter filter) {
	}

	@Override
	public void removePortFilter(String portId) {
	}

}
