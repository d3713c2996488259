package dev.novaboot.service.auth.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.novaboot.service.auth.AuthProperties;
import dev.novaboot.service.auth.AuthStrategy;
import dev.novaboot.service.auth.token.Token;
import dev.novaboot.service.auth.token.TokenSubject;
import dev.novaboot.service.rpc.RpcProperties;
import dev.novaboot.service.rpc.RpcTransport;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records that hold a password, token, key or secret print it masked: a record's
 * generated {@code toString()} prints every component, and records end up in log lines,
 * exception messages and failure analyses.
 */
class NoSecretInToStringTests {

	@Test
	void authPropertiesShowWhetherTheKeyAndPasswordAreSetNotWhatTheyAre() {
		AuthProperties properties = new AuthProperties(AuthStrategy.Choice.TOKEN, "the-token-key-of-at-least-32-bytes!!",
				Duration.ofHours(1), "the-admin-password", Path.of("var/admin-password"), "RegionOne", Map.of(), 10,
				Duration.ofMinutes(5));

		assertThat(properties.toString()).doesNotContain("the-token-key-of-at-least-32-bytes!!")
			.doesNotContain("the-admin-password")
			.contains("tokenKey=******", "bootstrapPassword=******", "bootstrapPasswordFile=var/admin-password",
					"region=RegionOne");
		assertThat(new AuthProperties(AuthStrategy.Choice.TOKEN, null, Duration.ofHours(1), null, Path.of("x"), "RegionOne", null, 10,
				Duration.ofMinutes(5)))
			.hasToString("AuthProperties[strategy=TOKEN, tokenKey=null, tokenTtl=PT1H, bootstrapPassword=null, "
					+ "bootstrapPasswordFile=x, region=RegionOne, publicUrls={}, lockoutFailureAttempts=10, "
					+ "lockoutDuration=PT5M]");
	}

	@Test
	void rpcPropertiesHideTheSecretThatSignsMessages() {
		RpcProperties properties = new RpcProperties(RpcTransport.Choice.HTTP, "the-rpc-secret-of-the-suite", Duration.ofSeconds(60),
				new RpcProperties.Server(8, 1000),
				new RpcProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(60), null, DataSize.ofMegabytes(4)),
				new RpcProperties.Amqp("nova", 4), Duration.ofSeconds(1));

		assertThat(properties.toString()).doesNotContain("the-rpc-secret-of-the-suite")
			.contains("transport=HTTP", "secret=******", "exchange=nova");
	}

	@Test
	void aTokenIsNamedByItsAuditIdNotByItsValue() {
		TokenSubject.Ref admin = new TokenSubject.Ref("u1", "admin");
		Token token = new Token("eyJhbGciOiJIUzI1NiJ9.the-signed-value",
				new TokenSubject(admin, null, null, null, List.of()), Instant.EPOCH, Instant.EPOCH.plusSeconds(3600),
				"audit-1");

		assertThat(token.toString()).doesNotContain("the-signed-value").contains("value=******", "auditId=audit-1");
	}

	@Test
	void requestBodiesWithAPasswordHideIt() {
		AuthRequest.UserRef login = new AuthRequest.UserRef(null, "alice", "alices-password", null);
		IdentityAdminController.NewUser newUser = new IdentityAdminController.NewUser("bob", "default",
				"bobs-password", null, true);

		assertThat(login.toString()).doesNotContain("alices-password").contains("name=alice", "password=******");
		assertThat(newUser.toString()).doesNotContain("bobs-password").contains("name=bob", "password=******");
	}

}
