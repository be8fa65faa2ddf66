package io.catalog.api.access;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A verified credential of any kind (catalog token, identity-provider token, API token), reduced to the
 * {@link Caller} it stands for, so that handlers and the access policy never see where it came from.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final transient Caller caller;

	private final String kind;

	/**
	 * @param caller who is calling
	 * @param kind how the caller signed in: {@code catalog}, {@code oidc} or {@code api-token}
	 */
	public CallerAuthentication(Caller caller, String kind) {
		super(List.of());
		this.caller = caller;
		this.kind = kind;
		setAuthenticated(true);
	}

	public Caller caller() {
		return caller;
	}

	public String kind() {
		return kind;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return caller;
	}

	@Override
	public String getName() {
		return caller.username();
	}

}
