package dev.novaboot.service.rpc;

import java.lang.reflect.Type;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of RPC messages. It has its own mapper, not the app's, so that an app that
 * customizes its API's JSON (naming, dates) still speaks the same wire format as the
 * others. Unknown fields are ignored, so that a newer minor contract version can add
 * fields.
 */
public class RpcCodec {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public byte[] write(Object value) {
		return this.mapper.writeValueAsBytes(value);
	}

	/**
	 * Reads a message or reply.
	 * @throws JacksonException when the bytes are not that JSON
	 */
	public <T> T read(byte[] bytes, Class<T> type) {
		return this.mapper.readValue(bytes, type);
	}

	public JsonNode toTree(Object value) {
		return this.mapper.valueToTree(value);
	}

	/** Converts a JSON argument or result to the Java type a method declares. */
	public Object fromTree(JsonNode node, Type type) {
		if (node == null || node.isNull()) {
			return null;
		}
		return this.mapper.convertValue(node, this.mapper.constructType(type));
	}

}
