package io.catalog.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.KeycloakServer;

/** The browser sign-in through the real Keycloak, driven over HTTP with a cookie-keeping client. */
@Tag("keycloak")
class OidcLoginKeycloakTest extends CatalogTest {

	private static final String SUCCESS = "http://127.0.0.1:9/auth-callback";

	private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@BeforeEach
	void keycloak() {
		KeycloakServer.get();
	}

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		KeycloakServer.configureCatalog(registry);
		registry.add("catalog.oidc.success-url", () -> SUCCESS);
	}

	private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/**
	 * The browser's cookies. Loopback is a secure context to browsers, so Keycloak's {@code Secure} cookies are kept
	 * and sent over plain HTTP here too (the JDK's cookie manager would drop them).
	 */
	private final Map<String, String> cookies = new LinkedHashMap<>();

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
				.collect(Collectors.joining("; ")));
		}
		var response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (var header : response.headers().allValues("Set-Cookie")) {
			var pair = header.split(";", 2)[0].split("=", 2);
			if (pair.length < 2 || pair[1].isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				cookies.remove(pair[0].trim());
			}
			else {
				cookies.put(pair[0].trim(), pair[1]);
			}
		}
		return response;
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("redirect from %s", response.uri()).isBetween(300, 399);
		return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
	}

	@Test
	void browserSignInEndsAtTheSuccessUrlWithACatalogToken() throws Exception {
		var username = "kc-" + UUID.randomUUID().toString().substring(0, 8);
		var password = KeycloakServer.get().createUser(username, List.of("group2"));
		var authorize = location(get("http://127.0.0.1:" + port + "/api/v3/auth/oidc"));
		assertThat(authorize).startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/auth");
		var loginPage = get(authorize);
		var action = FORM_ACTION.matcher(loginPage.body());
		assertThat(action.find()).as("Keycloak's login form").isTrue();
		var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
		var posted = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		var callback = location(posted);
		assertThat(callback).startsWith("http://127.0.0.1:" + port + "/api/v3/auth/oidc/callback");
		var success = location(get(callback));
		assertThat(success).startsWith(SUCCESS + "?");
		var query = UriComponentsBuilder.fromUriString(success).build().getQueryParams();
		assertThat(query.getFirst("user-id")).isEqualTo(username);
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + query.getFirst("access-token"))
			.exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.username").isEqualTo(username)
			.jsonPath("$.currentGroups").isEqualTo(List.of("group2"));
	}

	@Test
	void logoutNamesTheProvidersLogoutUrl() {
		post("user1", "/api/v3/auth/logout", Map.of()).expectStatus().isOk()
			.expectBody().jsonPath("$.logout").isEqualTo("successful")
			.jsonPath("$.logoutURL").value(url -> assertThat((String) url)
				.startsWith(KeycloakServer.get().issuer() + "/protocol/openid-connect/logout"));
	}

	@Test
	void callbackWithoutAFlowIs401() throws Exception {
		var response = get("http://127.0.0.1:" + port + "/api/v3/auth/oidc/callback?code=forged&state=forged");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

}
