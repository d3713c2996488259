package dev.novaboot.service.auth.token;

import java.time.Instant;

import dev.novaboot.service.config.Secrets;

/**
 * A signed token and what it says.
 *
 * @param value the compact JWS that clients send as {@code X-Auth-Token}
 * @param subject the user, project and roles it carries
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being accepted
 * @param auditId a random id that names the token in logs without revealing it
 */
public record Token(String value, TokenSubject subject, Instant issuedAt, Instant expiresAt, String auditId) {

	// the value is a bearer credential; the audit id is what names a token in logs
	@Override
	public String toString() {
		return "Token[value=" + Secrets.mask(this.value) + ", subject=" + this.subject + ", issuedAt=" + this.issuedAt
				+ ", expiresAt=" + this.expiresAt + ", auditId=" + this.auditId + "]";
	}

}
