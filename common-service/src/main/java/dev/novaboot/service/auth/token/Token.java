package dev.novaboot.service.auth.token;

import java.time.Instant;

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
}
