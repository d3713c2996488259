package dev.novaboot.service.auth.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.novaboot.service.auth.token.Token;
import dev.novaboot.service.auth.token.TokenSubject;
import dev.novaboot.service.auth.token.TokenSubject.Ref;

/**
 * A token as Keystone v3 shows it in the body of a token response; an unscoped token has
 * no project, roles or catalog.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenView(List<String> methods, UserView user, @JsonProperty("audit_ids") List<String> auditIds,
		@JsonProperty("expires_at") String expiresAt, @JsonProperty("issued_at") String issuedAt, ProjectView project,
		@JsonProperty("is_domain") Boolean isDomain, List<Ref> roles, List<ServiceCatalog.Entry> catalog) {

	// Keystone's timestamps: UTC, microseconds, "Z"
	private static final DateTimeFormatter KEYSTONE_TIME = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	static TokenView of(Token token, List<ServiceCatalog.Entry> catalog) {
		TokenSubject subject = token.subject();
		boolean scoped = subject.project() != null;
		return new TokenView(List.of("password"),
				new UserView(subject.user().id(), subject.user().name(), subject.userDomain()), List.of(token.auditId()),
				time(token.expiresAt()), time(token.issuedAt()),
				scoped ? new ProjectView(subject.project().id(), subject.project().name(), subject.projectDomain())
						: null,
				scoped ? Boolean.FALSE : null, scoped ? subject.roles() : null, scoped ? catalog : null);
	}

	static String time(Instant instant) {
		return KEYSTONE_TIME.format(instant);
	}

	record UserView(String id, String name, Ref domain) {
	}

	record ProjectView(String id, String name, Ref domain) {
	}

}
