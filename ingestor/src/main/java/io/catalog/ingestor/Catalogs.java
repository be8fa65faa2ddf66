package io.catalog.ingestor;

import io.catalog.sdk.CatalogClient;

/**
 * The catalog as the ingestor reaches it: a client with a bearer token, or signed in with a functional account
 * (signing in again after a 401, e.g. when the catalog was down at start-up).
 *
 * @param client the SDK client
 * @param signIn signs in again; a no-op with a fixed token
 */
public record Catalogs(CatalogClient client, Runnable signIn) {

	/** Uses {@code token} when set, else signs in as {@code username}. */
	public static Catalogs connect(String url, String token, String username, String password) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("CATALOG_URL is not set");
		}
		var client = CatalogClient.of(url);
		if (token != null && !token.isBlank()) {
			return new Catalogs(client.withToken(token), () -> {
			});
		}
		if (username != null && !username.isBlank()) {
			Runnable signIn = () -> client.login(username, password).exceptionally(failure -> null).join();
			signIn.run();
			return new Catalogs(client, signIn);
		}
		throw new IllegalArgumentException("set CATALOG_TOKEN, or CATALOG_USERNAME and CATALOG_PASSWORD");
	}

}
