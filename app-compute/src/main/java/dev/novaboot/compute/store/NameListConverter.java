package dev.novaboot.compute.store;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short list of names in one column as a JSON array: names may hold any character, so
 * no separator would do.
 */
@Converter
class NameListConverter implements AttributeConverter<List<String>, String> {

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public String convertToDatabaseColumn(List<String> names) {
		return (names != null) ? this.json.writeValueAsString(names) : null;
	}

	@Override
	public List<String> convertToEntityAttribute(String value) {
		return (value != null) ? List.copyOf(this.json.readValue(value, NAMES)) : null;
	}

}
