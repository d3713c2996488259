package dev.novaboot.service.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The name rule of Nova and Neutron (printable, no whitespace at either end) and the uuid
 * form the APIs check ids against.
 */
class NamesAndUuidsTests {

	@Test
	void namesArePrintableWithoutWhitespaceAtEitherEnd() {
		assertThat(Names.isValid("web 1")).isTrue();
		assertThat(Names.isValid("")).isTrue();
		assertThat(Names.isValid("Größe-ü_日本")).isTrue();
		// Nova and Neutron build their character class from the Basic Multilingual Plane only
		assertThat(Names.isValid("😀")).isFalse();
		assertThat(Names.isValid(" web")).isFalse();
		assertThat(Names.isValid("web ")).isFalse();
		assertThat(Names.isValid("web\u00a0")).isFalse();
		assertThat(Names.isValid("we\nb")).isFalse();
		assertThat(Names.isValid("we\u0000b")).isFalse();
		assertThat(Names.isValid("we\u2028b")).isFalse();
		assertThat(Names.isValid(null)).isFalse();
	}

	@Test
	void uuidsHaveTheCanonicalForm() {
		assertThat(Uuids.isUuid("1d6b7c1e-6a2b-4f0e-9c55-0c3c1f8e1a11")).isTrue();
		assertThat(Uuids.isUuid("1D6B7C1E-6A2B-4F0E-9C55-0C3C1F8E1A11")).isTrue();
		assertThat(Uuids.isUuid("1d6b7c1e6a2b4f0e9c550c3c1f8e1a11")).isFalse();
		assertThat(Uuids.isUuid("1d6b7c1e-6a2b-4f0e-9c55-0c3c1f8e1a11 ")).isFalse();
		assertThat(Uuids.isUuid("auto")).isFalse();
		assertThat(Uuids.isUuid("")).isFalse();
		assertThat(Uuids.isUuid(null)).isFalse();
	}

}
