package io.catalog.api.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The contract schema of a handler's JSON answer (a {@link ContractSchemas} name), or a list of them. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiReturns {

	String value();

	boolean list() default false;

}
