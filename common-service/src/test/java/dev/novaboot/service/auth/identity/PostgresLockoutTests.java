package dev.novaboot.service.auth.identity;

import dev.novaboot.sample.SampleServiceApplication;
import dev.novaboot.service.testsupport.EmbeddedPostgresConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The failed-login count on a real PostgreSQL server, where concurrent logins really
 * run in parallel transactions (see {@link FailedLoginCountingContract}); the V2
 * migration of the identity tables runs there too.
 */
// the context of PostgresIdentityBootstrapTests, so that one server starts
@SpringBootTest(classes = SampleServiceApplication.class)
@Import(EmbeddedPostgresConfiguration.class)
class PostgresLockoutTests extends FailedLoginCountingContract {

}
