package io.catalog.api.access;

import java.util.Optional;

/** Looks a known user up by name, as the caller it would sign in as (its email and groups). */
@FunctionalInterface
public interface AccountDirectory {

	Optional<Caller> find(String username);

}
