package io.catalog.api.access;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is calling: a signed-in user or service with its groups, or the anonymous caller.
 *
 * @param username the account name, {@code null} when anonymous
 * @param email the account's email, may be {@code null}
 * @param groups the access groups the caller belongs to; never holds an empty name
 */
public record Caller(String username, String email, Set<String> groups) {

	/** The caller without credentials. */
	public static final Caller ANONYMOUS = new Caller(null, null, Set.of());

	/** The configuration token that stands for every signed-in caller. */
	static final String ALL_AUTHENTICATED = "#all";

	public Caller {
		var clean = new LinkedHashSet<String>();
		if (groups != null) {
			groups.stream().filter(g -> g != null && !g.isBlank()).forEach(clean::add);
		}
		groups = Set.copyOf(clean);
	}

	public static Caller of(String username, String email, Collection<String> groups) {
		return new Caller(username, email, new LinkedHashSet<>(groups));
	}

	public boolean authenticated() {
		return username != null;
	}

	/** Whether the caller belongs to one of the configured groups; {@code #all} matches any signed-in caller. */
	public boolean inAny(List<String> configured) {
		for (String group : configured) {
			if (group == null || group.isBlank()) {
				continue;
			}
			if (ALL_AUTHENTICATED.equals(group.trim()) ? authenticated() : groups.contains(group.trim())) {
				return true;
			}
		}
		return false;
	}

	/** Whether the caller belongs to the named group; an empty name never matches. */
	public boolean isMemberOf(Object group) {
		return group instanceof String name && !name.isBlank() && groups.contains(name);
	}

}
