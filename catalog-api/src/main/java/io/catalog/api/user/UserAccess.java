package io.catalog.api.user;

import io.catalog.api.access.AccessPolicy;
import io.catalog.api.access.Caller;
import io.catalog.api.web.Problems;

/** Who may see or change a user's records: the user itself, or an admin (SciCat's {@code UserReadOwn}/{@code Any}). */
final class UserAccess {

	private UserAccess() {
	}

	/** Refuses anonymous callers (401) and signed-in callers other than the user or an admin (403). */
	static void checkSelfOrAdmin(AccessPolicy policy, String userId, Caller caller) {
		checkSignedIn(caller);
		if (!userId.equals(caller.username()) && !policy.isAdmin(caller)) {
			throw Problems.forbidden("Access Forbidden or Unauthorized");
		}
	}

	static void checkAdmin(AccessPolicy policy, Caller caller) {
		checkSignedIn(caller);
		if (!policy.isAdmin(caller)) {
			throw Problems.forbidden("Access Forbidden or Unauthorized");
		}
	}

	static void checkSignedIn(Caller caller) {
		if (!caller.authenticated()) {
			throw Problems.unauthorized();
		}
	}

}
