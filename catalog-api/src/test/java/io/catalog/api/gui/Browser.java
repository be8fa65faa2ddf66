package io.catalog.api.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded browser), for the GUI's tests;
 * a test class that asks for it is skipped, saying so, where either is not installed.
 */
final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	final WebDriver driver;

	private Browser(WebDriver driver) {
		this.driver = driver;
	}

	static Browser start() throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
				"Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
		var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--window-size=1280,900");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
		return new Browser(new ChromeDriver(service, options));
	}

	WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	Object script(String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

	/** The names in the search page's results table, read in one step so that a table drawn again meanwhile is no fault. */
	@SuppressWarnings("unchecked")
	List<String> names() {
		return (List<String>) script(
				"return [...document.querySelectorAll('#results tbody tr td:nth-child(2) a')].map(a => a.textContent)");
	}

	/** Keeps what the browser shows in target/screenshots, for a look after the run (the README's come from there). */
	void screenshot(String name) throws IOException {
		Files.createDirectories(Path.of("target/screenshots"));
		Files.write(Path.of("target/screenshots", name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() {
		driver.quit();
	}

}
