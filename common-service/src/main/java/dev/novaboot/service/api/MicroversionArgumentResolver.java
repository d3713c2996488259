package dev.novaboot.service.api;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands the request's negotiated {@link Microversion} to any controller method that
 * declares a parameter of that type.
 */
public class MicroversionArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Microversion.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object version = webRequest.getAttribute(Microversion.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (version == null) {
			throw new IllegalStateException("No microversion: the request passed no API's microversion filter");
		}
		return version;
	}

}
