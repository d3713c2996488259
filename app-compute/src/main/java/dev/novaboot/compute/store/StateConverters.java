package dev.novaboot.compute.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import dev.novaboot.compute.driver.PowerState;

/**
 * Stores the instance states as Nova's lower-case words ({@code powering-off}), which
 * operators query by hand.
 */
final class StateConverters {

	private StateConverters() {
	}

	@Converter
	static class VmStateConverter implements AttributeConverter<VmState, String> {

		@Override
		public String convertToDatabaseColumn(VmState state) {
			return state.value();
		}

		@Override
		public VmState convertToEntityAttribute(String value) {
			return VmState.of(value);
		}

	}

	@Converter
	static class TaskStateConverter implements AttributeConverter<TaskState, String> {

		@Override
		public String convertToDatabaseColumn(TaskState state) {
			return (state != null) ? state.value() : null;
		}

		@Override
		public TaskState convertToEntityAttribute(String value) {
			return TaskState.of(value);
		}

	}

	@Converter
	static class PowerStateConverter implements AttributeConverter<PowerState, String> {

		@Override
		public String convertToDatabaseColumn(PowerState state) {
			return state.value();
		}

		@Override
		public PowerState convertToEntityAttribute(String value) {
			return PowerState.of(value);
		}

	}

}
