package dev.novaboot.service.driver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface whose implementation is chosen by a property (Nova's flags and
 * {@code load_object}): one bean per implementation, each
 * {@code @ConditionalOnProperty(name = property, havingValue = ...)}. When the property
 * names no implementation, start-up stops with a report that names the property, the bad
 * value and the {@link #choices() valid choices}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SelectedBy {

	/** The property that chooses the implementation, such as {@code nova.volume.driver}. */
	String property();

	/** Every value that names an implementation. */
	String[] choices();

}
