package io.catalog.sdk;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.catalog.sdk.api.AttachmentsApi;
import io.catalog.sdk.api.AuthApi;
import io.catalog.sdk.api.DatablocksApi;
import io.catalog.sdk.api.DatasetsApi;
import io.catalog.sdk.api.InstrumentsApi;
import io.catalog.sdk.api.OrigDatablocksApi;
import io.catalog.sdk.api.PoliciesApi;
import io.catalog.sdk.api.ProposalsApi;
import io.catalog.sdk.api.PublishedDataApi;
import io.catalog.sdk.api.SamplesApi;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.invoker.ApiException;
import io.catalog.sdk.model.Credentials;
import io.catalog.sdk.model.Login;

/**
 * The entry point of the Java SDK: one configured client, and one HTTP client, for every API of the catalog, signed in with a
 * functional account (renewing its token before it expires) or with a fixed token (an API token or a JWT).
 */
public final class CatalogClient {

	private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

	private final ApiClient api;

	private final AuthApi auth;

	private final DatasetsApi datasets;

	private final OrigDatablocksApi origDatablocks;

	private final DatablocksApi datablocks;

	private final AttachmentsApi attachments;

	private final SamplesApi samples;

	private final ProposalsApi proposals;

	private final InstrumentsApi instruments;

	private final PoliciesApi policies;

	private final PublishedDataApi publishedData;

	private volatile String token;

	private volatile Instant expiry = Instant.MAX;

	private volatile Credentials credentials;

	private CatalogClient(String baseUri) {
		this.api = new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)),
				ApiClient.createDefaultObjectMapper(), baseUri);
		this.api.setRequestInterceptor(request -> {
			var current = token;
			if (current != null) {
				request.header("Authorization", "Bearer " + current);
			}
		});
		this.auth = new AuthApi(api);
		this.datasets = new DatasetsApi(api);
		this.origDatablocks = new OrigDatablocksApi(api);
		this.datablocks = new DatablocksApi(api);
		this.attachments = new AttachmentsApi(api);
		this.samples = new SamplesApi(api);
		this.proposals = new ProposalsApi(api);
		this.instruments = new InstrumentsApi(api);
		this.policies = new PoliciesApi(api);
		this.publishedData = new PublishedDataApi(api);
	}

	/** A client of the catalog at {@code baseUri} (e.g. {@code http://localhost:3000}), not signed in yet. */
	public static CatalogClient of(String baseUri) {
		return new CatalogClient(baseUri);
	}

	/** Uses a fixed bearer token: an API token or a JWT obtained elsewhere. */
	public CatalogClient withToken(String token) {
		this.token = token;
		this.credentials = null;
		this.expiry = Instant.MAX;
		return this;
	}

	/** Signs in with a functional account; {@link #call} renews the token shortly before it expires. */
	public CompletableFuture<Login> login(String username, String password) {
		this.credentials = new Credentials().username(username).password(password);
		return signIn(credentials);
	}

	/**
	 * Starts a call without blocking, renewing the sign-in first when it is about to expire; a refusal completes
	 * the future with a {@link CatalogException}.
	 */
	public <T> CompletableFuture<T> call(ApiCall<T> call) {
		return refreshIfNeeded().thenCompose(ready -> {
			try {
				return call.start();
			}
			catch (ApiException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}).exceptionallyCompose(failure -> CompletableFuture.failedFuture(CatalogException.from(unwrap(failure),
				api.getObjectMapper())));
	}

	/** Runs a call and waits for its result; a refusal is thrown as a {@link CatalogException}. */
	public <T> T await(ApiCall<T> call) {
		return await(call(call));
	}

	/** Signs in again if the token is about to expire; call before a batch of requests in long-running services. */
	public CompletableFuture<Void> refreshIfNeeded() {
		var signedInWith = credentials;
		if (signedInWith == null || Instant.now().plus(RENEW_BEFORE_EXPIRY).isBefore(expiry)) {
			return CompletableFuture.completedFuture(null);
		}
		return signIn(signedInWith).thenApply(login -> null);
	}

	private CompletableFuture<Login> signIn(Credentials with) {
		try {
			return auth.login(with).thenApply(login -> {
				token = login.getAccessToken();
				expiry = Instant.now().plusSeconds(login.getExpiresIn());
				return login;
			});
		}
		catch (ApiException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private static Throwable unwrap(Throwable failure) {
		return failure instanceof CompletionException && failure.getCause() != null ? unwrap(failure.getCause()) : failure;
	}

	/** The generated client underneath, for settings this class does not cover. */
	public ApiClient apiClient() {
		return api;
	}

	public AuthApi auth() {
		return auth;
	}

	public DatasetsApi datasets() {
		return datasets;
	}

	public OrigDatablocksApi origDatablocks() {
		return origDatablocks;
	}

	public DatablocksApi datablocks() {
		return datablocks;
	}

	public AttachmentsApi attachments() {
		return attachments;
	}

	public SamplesApi samples() {
		return samples;
	}

	public ProposalsApi proposals() {
		return proposals;
	}

	public InstrumentsApi instruments() {
		return instruments;
	}

	public PoliciesApi policies() {
		return policies;
	}

	public PublishedDataApi publishedData() {
		return publishedData;
	}

	/** Waits for a call and answers its result, turning a refusal into a {@link CatalogException}. */
	public <T> T await(CompletableFuture<T> call) {
		try {
			return call.join();
		}
		catch (CompletionException ex) {
			throw CatalogException.from(unwrap(ex), api.getObjectMapper());
		}
	}

}
