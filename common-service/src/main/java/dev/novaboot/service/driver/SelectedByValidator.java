package dev.novaboot.service.driver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Checks, before any bean is created, that every property named by a
 * {@link SelectedBy @SelectedBy} interface of the app or the starter holds one of its
 * choices. A bad value stops start-up with an {@link UnknownChoiceException}, even for a
 * kind that no bean happens to inject.
 */
public class SelectedByValidator implements BeanFactoryPostProcessor, EnvironmentAware, BeanClassLoaderAware {

	private Environment environment;

	private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return;
		}
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
				this.environment) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isInterface();
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(SelectedBy.class, false, true));
		for (String basePackage : AutoConfigurationPackages.get(beanFactory)) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				check((AnnotatedBeanDefinition) candidate);
			}
		}
	}

	private void check(AnnotatedBeanDefinition candidate) {
		Map<String, Object> selectedBy = candidate.getMetadata()
			.getAnnotationAttributes(SelectedBy.class.getName(), true);
		String property = (String) selectedBy.get("property");
		List<String> choices = choices((String) selectedBy.get("choices"));
		String value = this.environment.getProperty(property);
		if (value != null && choices.stream().noneMatch((choice) -> choice.equalsIgnoreCase(value.trim()))) {
			String kind = ClassUtils.getShortName(candidate.getMetadata().getClassName());
			throw new UnknownChoiceException(property, value, choices, kind);
		}
	}

	private List<String> choices(String enumClassName) {
		Class<?> choices = ClassUtils.resolveClassName(enumClassName, this.classLoader);
		return Arrays.stream(choices.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.toList();
	}

}
