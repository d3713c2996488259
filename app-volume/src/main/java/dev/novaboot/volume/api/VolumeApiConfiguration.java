package dev.novaboot.volume.api;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import dev.novaboot.service.web.ApiFaults;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The Block Storage API's microversions: the filter that negotiates every {@code /v3}
 * request's version, and controller methods that take an {@link ApiVersion} get it.
 */
@Configuration(proxyBeanMethods = false)
class VolumeApiConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<MicroversionFilter> microversionFilter(ApiFaults faults) {
		FilterRegistrationBean<MicroversionFilter> registration = new FilterRegistrationBean<>(
				new MicroversionFilter(faults));
		registration.addUrlPatterns("/v3/*");
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == ApiVersion.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binders) {
				return MicroversionFilter.of(request.getNativeRequest(HttpServletRequest.class));
			}

		});
	}

}
