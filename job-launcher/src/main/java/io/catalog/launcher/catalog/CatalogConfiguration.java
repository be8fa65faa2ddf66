package io.catalog.launcher.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.launcher.LauncherProperties;
import io.catalog.sdk.CatalogClient;
import io.catalog.worker.Retry;

/** The catalog client, signed in as the launcher's account, and the retried calls over it. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	@Bean
	CatalogClient catalogClient(LauncherProperties properties) {
		var catalog = properties.catalog();
		return Catalog.connect(catalog.url(), catalog.token(), catalog.username(), catalog.password());
	}

	@Bean
	Catalog catalog(CatalogClient client, LauncherProperties properties) {
		var catalog = properties.catalog();
		Runnable signIn = catalog.username() == null || catalog.username().isBlank() ? () -> {
		} : () -> client.login(catalog.username(), catalog.password()).exceptionally(failure -> null).join();
		var retry = properties.retry();
		return new Catalog(client, new Retry(retry.attempts(), retry.delay(), retry.maxDelay(), signIn));
	}

}
