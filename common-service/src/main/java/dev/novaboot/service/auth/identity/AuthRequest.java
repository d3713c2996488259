package dev.novaboot.service.auth.identity;

import java.util.List;

import dev.novaboot.service.config.Secrets;

/**
 * The body of {@code POST /identity/v3/auth/tokens} (Keystone v3), password method:
 * <pre>
 * {"auth": {"identity": {"methods": ["password"],
 *                        "password": {"user": {"name": "admin", "domain": {"name": "Default"},
 *                                              "password": "..."}}},
 *           "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}
 * </pre>
 */
record AuthRequest(Auth auth) {

	record Auth(Identity identity, Scope scope) {
	}

	record Identity(List<String> methods, Password password) {
	}

	record Password(UserRef user) {
	}

	record UserRef(String id, String name, String password, DomainRef domain) {

		@Override
		public String toString() {
			return "UserRef[id=" + this.id + ", name=" + this.name + ", password=" + Secrets.mask(this.password)
					+ ", domain=" + this.domain + "]";
		}

	}

	record DomainRef(String id, String name) {
	}

	/** Only project scope is supported; {@code domain} and {@code system} are refused. */
	record Scope(ProjectRef project, DomainRef domain, Object system) {
	}

	record ProjectRef(String id, String name, DomainRef domain) {
	}

}
