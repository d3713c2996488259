package dev.novaboot.service.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a manager's RPC contract: a Java interface whose methods, and only those, other
 * services may invoke over RPC on the manager that implements it. Arguments and results
 * are JSON-mapped records.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RpcApi {

	/** The topic the implementing manager listens on, such as {@code volume}. */
	String topic();

	/** The contract's version; a caller and a receiver must share the major version. */
	String version() default "1.0";

}
