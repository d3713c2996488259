package dev.novaboot.network.manager;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.novaboot.network.driver.BridgeSetup;
import dev.novaboot.network.driver.DhcpConfig;
import dev.novaboot.network.driver.NetworkDriver;
import dev.novaboot.network.driver.PortFilter;
import dev.novaboot.network.driver.RouterSetup;

import org.springframework.boot.health.contributor.Health;

/**
 * A network driver that records what the manager asks of the host.
 */
class RecordingNetworkDriver implements NetworkDriver {

	final List<BridgeSetup> plugged = new CopyOnWriteArrayList<>();

	final List<BridgeSetup> unplugged = new CopyOnWriteArrayList<>();

	/** The last DHCP configuration per network uuid; a stopped server is removed. */
	final Map<String, DhcpConfig> dhcp = new ConcurrentHashMap<>();

	/** floating address to fixed address. */
	final Map<String, String> bound = new ConcurrentHashMap<>();

	/** The last setup per router id; a removed router is removed. */
	final Map<String, RouterSetup> routers = new ConcurrentHashMap<>();

	/** The last filter per port id; a removed filter is removed. */
	final Map<String, PortFilter> filters = new ConcurrentHashMap<>();

	volatile int initHosts;

	/** What {@link #enforcesPortFilters()} answers (a test sets it back when done). */
	volatile boolean enforcing = true;

	@Override
	public boolean enforcesPortFilters() {
		return this.enforcing;
	}

	@Override
	public String name() {
		return "recording";
	}

	@Override
	public Health health() {
		return Health.up().build();
	}

	@Override
	public void initHost() {
		this.initHosts++;
	}

	@Override
	public void tearDownHost() {
	}

	/** A gateway whose plug fails, as a host command that fails would (a test sets it back to null when done). */
	volatile String failingGateway;

	@Override
	public void plug(BridgeSetup setup) {
		if (setup.gatewayCidr() != null && setup.gatewayCidr().equals(this.failingGateway)) {
			throw new IllegalStateException("Cannot add " + setup.gatewayCidr() + " to " + setup.bridge());
		}
		this.plugged.add(setup);
	}

	@Override
	public void unplug(BridgeSetup setup) {
		this.unplugged.add(setup);
	}

	@Override
	public void removeGateway(String bridge, String gatewayCidr) {
		this.unplugged.add(new BridgeSetup(bridge, null, null, gatewayCidr));
	}

	@Override
	public void updateDhcp(DhcpConfig config) {
		this.dhcp.put(config.networkId(), config);
	}

	@Override
	public void stopDhcp(String networkId) {
		this.dhcp.remove(networkId);
	}

	@Override
	public void bindFloatingIp(String floatingAddress, String fixedAddress) {
		this.bound.put(floatingAddress, fixedAddress);
	}

	@Override
	public void unbindFloatingIp(String floatingAddress, String fixedAddress) {
		this.bound.remove(floatingAddress, fixedAddress);
	}

	@Override
	public void applyRouter(RouterSetup setup) {
		this.routers.put(setup.routerId(), setup);
	}

	@Override
	public void removeRouter(String routerId) {
		this.routers.remove(routerId);
	}

	@Override
	public void applyPortFilter(PortFilter filter) {
		this.filters.put(filter.portId(), filter);
	}

	@Override
	public void removePortFilter(String portId) {
		this.filters.remove(portId);
	}

	void reset() {
		this.filters.clear();
		this.routers.clear();
		this.plugged.clear();
		this.unplugged.clear();
		this.dhcp.clear();
		this.bound.clear();
		this.initHosts = 0;
	}

}
