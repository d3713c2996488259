package dev.novaboot.service.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge every API shares, configured on its own: what a servlet app gets, what an app
 * replaces with its own beans, and what a bad limit does to start-up.
 */
class NovaWebAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NovaWebAutoConfiguration.class));

	@Test
	void aServletAppGetsFaultsInNovasShapeTheErrorControllerAndTheBodyLimit() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ApiFaults.class)
				.hasSingleBean(FaultErrorController.class)
				.hasSingleBean(FallbackFaultAdvice.class)
				.hasBean("requestBodyLimitFilter");
			assertThat(context.getBean(ApiFaultShape.class).body(HttpStatus.NOT_FOUND, "gone"))
				.containsKey("itemNotFound");
			assertThat(context.getBean("requestBodyLimitFilter", FilterRegistrationBean.class).getFilter())
				.isInstanceOf(RequestBodyLimitFilter.class);
		});
	}

	@Test
	void anAppNamesItsApisFaultShapeWithABean() {
		this.runner.withBean(ApiFaultShape.class, ApiFaultShape::neutron)
			.run((context) -> assertThat(context.getBean(ApiFaultShape.class).body(HttpStatus.NOT_FOUND, "gone"))
				.containsKey("NeutronError"));
	}

	@Test
	void anAppsOwnErrorControllerReplacesTheFaultShapedOne() {
		this.runner.withBean("appErrors", ErrorController.class, () -> new ErrorController() {
		}).run((context) -> assertThat(context).doesNotHaveBean(FaultErrorController.class).hasBean("appErrors"));
	}

	@Test
	void aBodyLimitBelowOneByteStopsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("nova.api.max-body-size=0B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("nova.api.max-body-size"));
	}

	@Test
	void anAppWithoutAWebServerGetsNoneOfIt() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(NovaWebAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ApiFaults.class)
				.doesNotHaveBean(FaultErrorController.class));
	}

	@Test
	void theFaultBodiesHaveEachApisShape() {
		assertThat(ApiFaultShape.openStack().body(HttpStatus.CONFLICT, "busy"))
			.isEqualTo(Map.of("conflictingRequest", Map.of("code", 409, "message", "busy")));
		assertThat(ApiFaultShape.neutron().body(HttpStatus.PAYLOAD_TOO_LARGE, "big"))
			.isEqualTo(Map.of("NeutronError",
					Map.of("type", "HTTPRequestEntityTooLarge", "message", "big", "detail", "")));
		assertThat(ApiFaultShape.keystone().body(HttpStatus.UNAUTHORIZED, "who"))
			.isEqualTo(Map.of("error", Map.of("code", 401, "title", "Unauthorized", "message", "who")));
	}

}
