package dev.novaboot.service.auth;

import java.util.UUID;

import dev.novaboot.service.auth.identity.PasswordAuthenticator;
import dev.novaboot.service.auth.noauth.NoAuthStrategy;
import dev.novaboot.service.auth.token.MissingTokenKeyException;
import dev.novaboot.service.auth.token.TokenAuthStrategy;
import dev.novaboot.service.auth.token.TokenService;
import dev.novaboot.service.autoconfigure.NovaServiceAutoConfiguration;
import dev.novaboot.service.driver.UnknownChoiceException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication configured on its own, in a web app over an in-memory database: which
 * strategy {@code nova.auth.strategy} selects, what the token strategy needs to start, and
 * an app's own strategy replacing the starter's.
 */
class NovaAuthAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class,
				NovaServiceAutoConfiguration.class, NovaAuthAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:auth-acr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.jpa.hibernate.ddl-auto=none", "nova.service.binary=nova-sample", "nova.service.topic=sample",
				"nova.host=acr-host", "nova.service.report-interval=1h", "nova.auth.bootstrap-password=acr-password");

	@Test
	void tokensAreTheDefaultStrategyWithTheIdentityServiceThatIssuesThem() {
		this.runner.withPropertyValues("nova.auth.token-key=a-token-key-of-at-least-thirty-two-bytes")
			.run((context) -> {
				assertThat(context).hasSingleBean(TokenService.class).hasSingleBean(PasswordAuthenticator.class);
				assertThat(context.getBean(AuthStrategy.class)).isInstanceOf(TokenAuthStrategy.class);
			});
	}

	@Test
	void withoutATokenKeyTheTokenStrategyStopsStartUp() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(MissingTokenKeyException.class));
	}

	@Test
	void noauthNeedsNoKeyAndIssuesNoTokens() {
		this.runner.withPropertyValues("nova.auth.strategy=noauth").run((context) -> {
			assertThat(context.getBean(AuthStrategy.class)).isInstanceOf(NoAuthStrategy.class);
			assertThat(context).doesNotHaveBean(TokenService.class).doesNotHaveBean(PasswordAuthenticator.class);
		});
	}

	@Test
	void anUnknownStrategyStopsStartUpWithTheChoices() {
		this.runner.withPropertyValues("nova.auth.strategy=kerberos")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining(UnknownChoiceException.class.getName())
				.hasStackTraceContaining("Valid values: token, noauth"));
	}

	@Test
	void anAppsOwnStrategyReplacesTheStarters() {
		AuthStrategy own = new AuthStrategy() {

			@Override
			public String name() {
				return "noauth";
			}

			@Override
			public void configure(HttpSecurity http) throws Exception {
				http.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll());
			}

		};
		this.runner.withPropertyValues("nova.auth.strategy=noauth")
			.withBean(AuthStrategy.class, () -> own)
			.run((context) -> assertThat(context.getBean(AuthStrategy.class)).isSameAs(own));
	}

}
