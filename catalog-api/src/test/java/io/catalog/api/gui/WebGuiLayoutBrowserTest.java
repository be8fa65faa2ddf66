package io.catalog.api.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/**
 * The web GUI's pages at a laptop's and a tablet's width, in Debian's Chromium: nothing wider than the window but
 * the results table (which scrolls inside itself on narrow screens), and every control named for a screen reader
 * (a label, an {@code aria-label} or its own text).
 */
@Tag("browser")
class WebGuiLayoutBrowserTest extends CatalogTest {

	/** The controls without an accessible name, and how much wider than the window the page is. */
	private static final String CHECK = """
			const unnamed = [...document.querySelectorAll('input, select, button, a')].filter(c => c.offsetParent !== null)
			  .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.textContent.trim()
			    && !c.closest('label'))
			  .map(c => c.outerHTML.slice(0, 80));
			return [unnamed, document.documentElement.scrollWidth - document.documentElement.clientWidth];
			""";

	private static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@ParameterizedTest(name = "{0} x {1}")
	@CsvSource({ "1280, 800", "768, 1024" })
	void thePagesFitTheWindowAndEveryControlHasAName(int width, int height) {
		var body = new HashMap<String, Object>(Requests.rawDataset("group1"));
		body.put("isPublished", true);
		body.put("origdatablocks", List.of(Requests.fileBlock(2, 100)));
		var pid = (String) created("ingestor", "/api/v3/datasets", body).get("pid");
		browser.driver.manage().window().setSize(new Dimension(width, height));

		for (var page : List.of("/", "/dataset.html?pid=" + java.net.URLEncoder.encode(pid, StandardCharsets.UTF_8),
				"/jobs.html", "/tokens.html")) {
			browser.driver.get("http://127.0.0.1:" + port + page);
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#account form, #account button")));
			if ("/".equals(page)) {
				browser.waiting().until(driver -> !browser.names().isEmpty());
			}
			var found = (List<?>) browser.script(CHECK);
			assertThat((List<?>) found.get(0)).as("controls without a name on %s", page).isEmpty();
			assertThat(((Number) found.get(1)).intValue()).as("how much %s is wider than a %d px window", page, width)
				.isLessThanOrEqualTo(0);
		}
	}

}
