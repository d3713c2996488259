package dev.novaboot.compute.manager;

import dev.novaboot.service.rpc.api.ComputeRpcApi;

/**
 * Reaches the manager of one compute host, {@code compute.<host>}: its {@code void}
 * methods are casts (return at once, run on the host), the others calls. The in-process
 * {@link LocalComputeHostDispatcher} reaches this host only; an RPC-backed bean replaces
 * it to reach every host.
 */
public interface ComputeHostDispatcher {

	/**
	 * @throws ComputeHostUnreachableException when that host cannot be reached
	 */
	ComputeRpcApi host(String host);

}
