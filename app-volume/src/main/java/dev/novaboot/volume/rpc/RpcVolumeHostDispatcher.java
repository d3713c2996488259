package dev.novaboot.volume.rpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import dev.novaboot.service.api.BadRequestException;
import dev.novaboot.service.api.NotFoundException;
import dev.novaboot.service.rpc.RemoteRpcException;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.RpcException;
import dev.novaboot.service.rpc.api.VolumeRpcApi;
import dev.novaboot.volume.manager.QuotaExceededException;
import dev.novaboot.volume.manager.VolumeManager;

import org.springframework.stereotype.Component;

/**
 * Reaches the manager of the volume's host: this host's manager directly, any other over
 * RPC ({@code call} to {@code volume.<host>}). Errors of the remote manager come back as
 * the API errors they would have been locally (not found, bad request); a host that
 * cannot be reached is a 503 that names it.
 */
@Component
class RpcVolumeHostDispatcher implements VolumeHostDispatcher {

	private final VolumeManager manager;

	private final Rpc rpc;

	RpcVolumeHostDispatcher(VolumeManager manager, Rpc rpc) {
		this.manager = manager;
		this.rpc = rpc;
	}

	@Override
	public VolumeRpcApi host(String host) {
		// a volume that never reached a host (it failed scheduling) can be handled anywhere
		if (host == null || host.equals(this.manager.host())) {
			return this.manager;
		}
		VolumeRpcApi remote = this.rpc.call(VolumeRpcApi.class, host);
		return (VolumeRpcApi) Proxy.newProxyInstance(VolumeRpcApi.class.getClassLoader(),
				new Class<?>[] { VolumeRpcApi.class }, (proxy, method, args) -> {
					try {
						return method.invoke(remote, args);
					}
					catch (InvocationTargetException ex) {
						throw translate(host, ex.getCause());
					}
				});
	}

	private static Throwable translate(String host, Throwable failure) {
		if (failure instanceof RemoteRpcException remote) {
			String type = remote.getRemoteType();
			if (type.endsWith("NotFoundException")) {
				return new NotFoundException(remote.getRemoteMessage());
			}
			if (type.endsWith("InvalidVolumeException") || type.endsWith("InvalidInputException")) {
				return new BadRequestException(remote.getRemoteMessage());
			}
			if (type.endsWith("QuotaExceededException")) {
				// the other host checked the quota in its transaction: the same 413 as here
				return new QuotaExceededException(remote.getRemoteMessage());
			}
			return failure;
		}
		if (failure instanceof RpcException) {
			return new VolumeHostUnavailableException(
					"Volume host " + host + " cannot be reached: " + failure.getMessage());
		}
		return failure;
	}

}
