package dev.novaboot.service.auth.token;

import java.util.List;

/**
 * Whom a token speaks for: the user, the project it is scoped to (none for an unscoped
 * token) and the user's roles there.
 */
public record TokenSubject(Ref user, Ref userDomain, Ref project, Ref projectDomain, List<Ref> roles) {

	public TokenSubject {
		roles = List.copyOf(roles);
	}

	public List<String> roleNames() {
		return this.roles.stream().map(Ref::name).toList();
	}

	/** An id with its name, as Keystone shows users, projects, domains and roles. */
	public record Ref(String id, String name) {
	}

}
