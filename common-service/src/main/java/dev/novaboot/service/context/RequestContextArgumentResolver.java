package dev.novaboot.service.context;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands the caller's {@link RequestContext}, established by the authentication layer, to
 * any controller method that declares a parameter of that type.
 */
public class RequestContextArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return RequestContext.class.equals(parameter.getParameterType());
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object context = webRequest.getAttribute(RequestContext.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (context == null) {
			throw new IllegalStateException("No request context: the request passed no authentication filter");
		}
		return context;
	}

}
