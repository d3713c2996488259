package dev.novaboot.service.auth.identity;

import java.util.UUID;

/** Keystone's id form: a random UUID as 32 hex digits. */
final class IdentityIds {

	private IdentityIds() {
	}

	static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

}
