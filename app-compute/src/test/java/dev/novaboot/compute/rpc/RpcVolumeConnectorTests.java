package dev.novaboot.compute.rpc;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.novaboot.compute.manager.VolumeConnectionInfo;
import dev.novaboot.compute.manager.VolumeUnavailableException;
import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.group.ServiceGroup;
import dev.novaboot.service.record.ServiceRecord;
import dev.novaboot.service.rpc.Rpc;
import dev.novaboot.service.rpc.api.ConnectionInfo;
import dev.novaboot.service.rpc.api.VolumeConnector;
import dev.novaboot.service.rpc.api.VolumeInfo;
import dev.novaboot.service.rpc.api.VolumeRpcApi;
import dev.novaboot.service.rpc.api.VolumeRpcApi.AttachVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeConnection;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * What the compute side asks of the volume host that holds a volume, in Nova's order and
 * one request record per call: reserve, initialize the connection, attach; begin
 * detaching, terminate the connection, detach; and a failed attach gives the
 * reservation back.
 */
class RpcVolumeConnectorTests {

	private static final RequestContext CONTEXT = new RequestContext("req-1", "user", "project", Set.of("member"));

	private static final String VOLUME = "6b7c0000-0000-4000-8000-000000000001";

	private static final String SERVER = "5f0b0000-0000-4000-8000-000000000001";

	private final Rpc rpc = mock(Rpc.class);

	private final VolumeRpcApi anyVolumeHost = mock(VolumeRpcApi.class);

	private final VolumeRpcApi volumeHost = mock(VolumeRpcApi.class);

	private final ServiceGroup serviceGroup = mock(ServiceGroup.class);

	private final RpcVolumeConnector connector = new RpcVolumeConnector(this.rpc, this.serviceGroup);

	@Test
	void theVolumeServiceIsAvailableWhileOneVolumeServiceIsUp() {
		when(this.serviceGroup.upServices("volume")).thenReturn(List.of());
		assertThat(this.connector.available()).isFalse();
		when(this.serviceGroup.upServices("volume"))
			.thenReturn(List.of(new ServiceRecord("vol-1", "nova-volume", "volume", "nova", 1, Instant.EPOCH)));
		assertThat(this.connector.available()).isTrue();
	}

	@Test
	void connectReservesInitializesTheConnectionAndAttachesOnTheVolumesHost() {
		volumeOn("storage-3");
		when(this.volumeHost.initializeConnection(any(), any())).thenReturn(new ConnectionInfo("local",
				new ConnectionInfo.Data(VOLUME, "/srv/volumes/volume-" + VOLUME, "raw")));

		VolumeConnectionInfo info = this.connector.connect(CONTEXT, VOLUME, SERVER, "compute-1", "/dev/vdb");

		assertThat(info.data().devicePath()).isEqualTo("/srv/volumes/volume-" + VOLUME);
		InOrder order = inOrder(this.volumeHost);
		order.verify(this.volumeHost).reserveVolume(CONTEXT, new VolumeRef(VOLUME));
		order.verify(this.volumeHost)
			.initializeConnection(CONTEXT, new VolumeConnection(VOLUME, new VolumeConnector("compute-1", null)));
		order.verify(this.volumeHost).attachVolume(CONTEXT, new AttachVolume(VOLUME, SERVER, "/dev/vdb", "compute-1"));
	}

	@Test
	void aFailedAttachGivesTheReservationBack() {
		volumeOn("storage-3");
		when(this.volumeHost.initializeConnection(any(), any())).thenThrow(new IllegalStateException("export failed"));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.connector.connect(CONTEXT, VOLUME, SERVER, "compute-1", "/dev/vdb"));

		InOrder order = inOrder(this.volumeHost);
		order.verify(this.volumeHost).reserveVolume(CONTEXT, new VolumeRef(VOLUME));
		order.verify(this.volumeHost).unreserveVolume(CONTEXT, new VolumeRef(VOLUME));
	}

	@Test
	void disconnectBeginsDetachingTerminatesTheConnectionAndDetaches() {
		volumeOn("storage-3");

		this.connector.disconnect(CONTEXT, VOLUME, SERVER, "compute-1");

		InOrder order = inOrder(this.volumeHost);
		order.verify(this.volumeHost).beginDetaching(CONTEXT, new VolumeRef(VOLUME));
		order.verify(this.volumeHost)
			.terminateConnection(CONTEXT, new VolumeConnection(VOLUME, new VolumeConnector("compute-1", null)));
		order.verify(this.volumeHost).detachVolume(CONTEXT, new VolumeRef(VOLUME));
	}

	@Test
	void aVolumeOfAnotherProjectIsMissingAndOneInUseIsUnavailableToABoot() {
		when(this.rpc.call(VolumeRpcApi.class)).thenReturn(this.anyVolumeHost);
		when(this.anyVolumeHost.getVolume(CONTEXT, new VolumeRef(VOLUME))).thenReturn(new VolumeInfo(VOLUME,
				"other-project", "user", "storage-3", "nova", 1, "available", null, null, null, null, null, null, null));
		assertThatExceptionOfType(VolumeUnavailableException.class)
			.isThrownBy(() -> this.connector.checkAvailable(CONTEXT, VOLUME))
			.withMessage("Volume " + VOLUME + " could not be found.")
			.matches(VolumeUnavailableException::isMissing);

		when(this.anyVolumeHost.getVolume(CONTEXT, new VolumeRef(VOLUME))).thenReturn(new VolumeInfo(VOLUME, "project",
				"user", "storage-3", "nova", 1, "in-use", null, null, null, null, null, null, null));
		assertThatExceptionOfType(VolumeUnavailableException.class)
			.isThrownBy(() -> this.connector.checkAvailable(CONTEXT, VOLUME))
			.withMessage("Invalid volume: volume '" + VOLUME + "' status must be 'available'. Currently in 'in-use'")
			.matches((ex) -> !ex.isMissing());

		volumeOn("storage-3");
		this.connector.checkAvailable(CONTEXT, VOLUME);
	}

	/** Any volume service tells where the volume is; its host's manager does the work. */
	private void volumeOn(String host) {
		when(this.rpc.call(VolumeRpcApi.class)).thenReturn(this.anyVolumeHost);
		when(this.anyVolumeHost.getVolume(CONTEXT, new VolumeRef(VOLUME))).thenReturn(new VolumeInfo(VOLUME, "project",
				"user", host, "nova", 1, "available", null, null, null, null, null, null, null));
		when(this.rpc.call(VolumeRpcApi.class, host)).thenReturn(this.volumeHost);
	}

}
