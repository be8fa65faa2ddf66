package io.catalog.api.gui;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.KeycloakServer;
import io.catalog.api.support.Requests;

/**
 * Signing in to the web GUI through the real Keycloak, in Debian's Chromium: the link appears because the catalog
 * signs in through a provider, Keycloak's own login page takes the password, and the GUI comes back signed in with
 * the token out of the address, showing the user's group's datasets.
 */
@Tag("keycloak")
@Tag("browser")
class WebGuiKeycloakBrowserTest extends CatalogTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		KeycloakServer.configureCatalog(registry);
	}

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = Browser.start();
		KeycloakServer.get();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aUserSignsInOnKeycloaksPageAndComesBackSignedIn() {
		var username = "gui-" + UUID.randomUUID().toString().substring(0, 8);
		var password = KeycloakServer.get().createUser(username, List.of("group2"));
		var run = new java.util.HashMap<String, Object>(Requests.rawDataset("group2"));
		run.put("datasetName", "group2's run");
		created("ingestor", "/api/v3/datasets", run);

		browser.driver.get("http://127.0.0.1:" + port + "/");
		browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("provider-sign-in"))).click();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		browser.driver.findElement(By.id("password")).sendKeys(password);
		browser.driver.findElement(By.id("kc-login")).click();

		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), "Signed in as " + username));
		browser.waiting().until(driver -> browser.names().equals(List.of("group2's run")));
		org.assertj.core.api.Assertions.assertThat(browser.driver.getCurrentUrl()).doesNotContain("access-token");
	}

}
