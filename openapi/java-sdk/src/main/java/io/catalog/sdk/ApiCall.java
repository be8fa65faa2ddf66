package io.catalog.sdk;

import java.util.concurrent.CompletableFuture;

import io.catalog.sdk.invoker.ApiException;

/** One call of a generated API, as a lambda: {@code () -> client.datasets().getDataset(pid)}. */
@FunctionalInterface
public interface ApiCall<T> {

	CompletableFuture<T> start() throws ApiException;

}
