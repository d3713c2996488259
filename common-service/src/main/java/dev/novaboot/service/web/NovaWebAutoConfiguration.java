package dev.novaboot.service.web;

import dev.novaboot.service.rpc.RpcProperties;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The edge every API of the suite shares: one fault shape for every error an app gives
 * (controllers, error dispatches, filters, the firewall, Tomcat itself), and the request
 * body limit. An app names its API's shape with an {@link ApiFaultShape} bean (Nova's, the
 * default, or Neutron's); the identity API and the RPC endpoint answer in Keystone's.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiProperties.class)
public final class NovaWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ApiFaultShape apiFaultShape() {
		return ApiFaultShape.openStack();
	}

	@Bean
	@ConditionalOnMissingBean
	ApiFaults apiFaults(ApiFaultShape shape) {
		return new ApiFaults(shape);
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	FaultErrorController faultErrorController(ApiFaults faults) {
		return new FaultErrorController(faults);
	}

	@Bean
	@ConditionalOnMissingBean
	FallbackFaultAdvice fallbackFaultAdvice(ApiFaults faults) {
		return new FallbackFaultAdvice(faults);
	}

	@Bean
	@ConditionalOnMissingBean(name = "requestBodyLimitFilter")
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties properties,
			ObjectProvider<RpcProperties> rpc, ApiFaults faults) {
		long apiLimit = properties.maxBodySize().toBytes();
		RpcProperties rpcProperties = rpc.getIfAvailable();
		long rpcLimit = (rpcProperties != null) ? rpcProperties.http().maxMessageSize().toBytes() : apiLimit;
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(apiLimit, rpcLimit, faults));
		registration.setOrder(RequestBodyLimitFilter.ORDER);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebSecurityCustomizer.class)
	static class FirewallConfiguration {

		@Bean
		WebSecurityCustomizer firewallRejectionsInFaultShape(ApiFaults faults) {
			return (web) -> web.requestRejectedHandler(new FirewallRejections(faults));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatConfiguration {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> faultShapedTomcat(ApiFaults faults) {
			return new FaultShapedTomcat(faults);
		}

	}

	/**
	 * Lets an encoded slash through to the firewall (which refuses it in the API's shape)
	 * instead of Tomcat's own HTML refusal, and replaces Tomcat's error report (added by
	 * Spring Boot's customizer, which runs first) with the fault-shaped one.
	 */
	static final class FaultShapedTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final ApiFaults faults;

		FaultShapedTomcat(ApiFaults faults) {
			this.faults = faults;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addConnectorCustomizers((connector) -> connector.setEncodedSolidusHandling("passthrough"));
			factory.addContextCustomizers((context) -> {
				Container host = context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new FaultErrorReportValve(this.faults));
				if (host instanceof StandardHost standardHost) {
					// so that the host does not add Tomcat's own report beside ours
					standardHost.setErrorReportValveClass(FaultErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
