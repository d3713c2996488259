package dev.novaboot.service.rpc.api;

import java.lang.reflect.Method;

import dev.novaboot.service.context.RequestContext;
import dev.novaboot.service.rpc.RpcCodec;
import dev.novaboot.service.rpc.RpcContracts;
import dev.novaboot.service.rpc.api.VolumeRpcApi.AttachVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.ExtendVolume;
import dev.novaboot.service.rpc.api.VolumeRpcApi.SnapshotRef;
import dev.novaboot.service.rpc.api.VolumeRpcApi.UploadToImage;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeConnection;
import dev.novaboot.service.rpc.api.VolumeRpcApi.VolumeRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volume contract in the suite's one RPC style: the context and exactly one request
 * record per method, whose fields travel under Cinder's snake-case argument names, and
 * which a host of an older minor version still reads when a newer one adds a field.
 */
class VolumeRpcApiTests {

	private final RpcCodec codec = new RpcCodec();

	@Test
	void everyMethodTakesTheContextAndOneRequestRecord() {
		for (Method method : RpcContracts.methodsOf(VolumeRpcApi.class).values()) {
			assertThat(method.getParameterTypes()).as(method.getName()).hasSize(2);
			assertThat(method.getParameterTypes()[0]).isEqualTo(RequestContext.class);
			assertThat(method.getParameterTypes()[1].isRecord()).as(method.getName()).isTrue();
		}
	}

	@Test
	void requestRecordsTravelUnderSnakeCaseNames() {
		assertThat(wire(new VolumeRef("v-1"))).isEqualTo(json("{\"volume_id\": \"v-1\"}"));
		assertThat(wire(new SnapshotRef("s-1"))).isEqualTo(json("{\"snapshot_id\": \"s-1\"}"));
		assertThat(wire(new ExtendVolume("v-1", 3))).isEqualTo(json("{\"volume_id\": \"v-1\", \"new_size\": 3}"));
		assertThat(wire(new VolumeConnection("v-1", new VolumeConnector("compute-1", "10.0.0.5"))))
			.isEqualTo(json("{\"volume_id\": \"v-1\", \"connector\": {\"host\": \"compute-1\", \"ip\": \"10.0.0.5\"}}"));
		assertThat(wire(new UploadToImage("v-1", "web", "qcow2", false))).isEqualTo(json(
				"{\"volume_id\": \"v-1\", \"image_name\": \"web\", \"disk_format\": \"qcow2\", \"force\": false}"));
		assertThat(wire(new AttachVolume("v-1", "i-1", "/dev/vdb", "compute-1")))
			.isEqualTo(json("{\"volume_id\": \"v-1\", \"instance_uuid\": \"i-1\", \"mountpoint\": \"/dev/vdb\", "
					+ "\"host_name\": \"compute-1\"}"));
	}

	@Test
	void aFieldAddedByANewerMinorVersionIsIgnored() {
		assertThat(this.codec.fromTree(json("{\"volume_id\": \"v-1\", \"new_size\": 3, \"reservations\": [\"r\"]}"),
				ExtendVolume.class))
			.isEqualTo(new ExtendVolume("v-1", 3));
		assertThat(this.codec.fromTree(json("{\"volume_id\": \"v-1\", \"cascade\": true}"), VolumeRef.class))
			.isEqualTo(new VolumeRef("v-1"));
	}

	private JsonNode wire(Object request) {
		return this.codec.toTree(request);
	}

	private static JsonNode json(String text) {
		return JsonMapper.builder().build().readTree(text);
	}

}
