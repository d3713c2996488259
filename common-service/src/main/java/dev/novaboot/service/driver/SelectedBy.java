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
 * <p>
 * The choices are an enum, the one list of them: the app's properties record types the
 * property with it (so that its metadata, and an IDE, offer the values), and this
 * annotation names it. A constant is written in lower case with {@code -} for {@code _}:
 * {@code FLAT_DHCP} is {@code flat-dhcp}, the {@code havingValue} of its bean.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SelectedBy {

	/** The property that chooses the implementation, such as {@code nova.volume.driver}. */
	String property();

	/** The enum whose constants are every value that names an implementation. */
	Class<? extends Enum<?>> choices();

}
