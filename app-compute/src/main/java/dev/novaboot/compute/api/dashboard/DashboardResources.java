package dev.novaboot.compute.api.dashboard;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dashboard's stylesheet and script, bundled in the jar and served from
 * {@code /dashboard/static/} only: the suite turns Spring Boot's catch-all static
 * resources off ({@code spring.web.resources.add-mappings=false}), so nothing else of the
 * classpath is ever served.
 */
@Component
class DashboardResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/dashboard/static/**")
			.addResourceLocations("classpath:/dashboard/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofMinutes(10)));
	}

}
