package io.catalog.api.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/**
 * The dataset page's analysis form in Debian's Chromium: drawn from a tool's typed parameters (the browser holds
 * numbers to their bounds), checked by the launcher before the job is created (a refusal names the parameter),
 * then an analysis job with the form's values; and a Jupyter session job, whose address with its token its owner
 * then asks for on the jobs page. The catalog runs with the job launcher's own job types
 * ({@code job-launcher/jobconfig}). The tools and the session's address come from a stand-in for the launcher's
 * endpoints, a small HTTP server in this test that answers as the launcher does; the real launcher behind the
 * catalog is exercised by job-launcher's ToolsThroughTheCatalogTest and JupyterSessionsTest.
 */
@Tag("browser")
class WebGuiAnalysisBrowserTest extends CatalogTest {

	private static final Path LAUNCHER_JOB_TYPES = Path.of("../job-launcher/jobconfig/jobconfig.yaml");

	private static final String TOOLS = """
			[{"name": "file-stats", "version": "1.0.0", "title": "File statistics",
			  "description": "Lists the dataset's files",
			  "parameters": [{"name": "pattern", "type": "string", "default": "*", "description": "file name pattern"},
			                 {"name": "top", "type": "integer", "default": 100, "minimum": 1, "maximum": 10000},
			                 {"name": "data", "type": "dataset"}]}]
			""";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static HttpServer launcher;

	private static Browser browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void launcher(DynamicPropertyRegistry registry) throws IOException {
		launcher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		launcher.createContext("/api/v1/tools", WebGuiAnalysisBrowserTest::answer);
		launcher.createContext("/api/v1/sessions", WebGuiAnalysisBrowserTest::session);
		launcher.start();
		registry.add("catalog.tools.launcher-url", () -> "http://127.0.0.1:" + launcher.getAddress().getPort());
		registry.add("catalog.jobs.configuration-file", () -> LAUNCHER_JOB_TYPES.toAbsolutePath().toString());
	}

	/** As the launcher answers: its tools, and a form whose pattern is a path refused, naming the parameter. */
	private static void answer(HttpExchange exchange) throws IOException {
		var path = exchange.getRequestURI().getPath();
		int status = 200;
		String body = TOOLS;
		if (path.endsWith("/validate")) {
			var form = JSON.readTree(exchange.getRequestBody());
			status = form.path("parameters").path("pattern").asText().contains("/") ? 400 : 200;
			body = status == 400
					? "{\"title\":\"Invalid tool parameters\",\"status\":400,\"errors\":[{\"parameter\":\"pattern\",\"reason\":\"must be a file name pattern, not a path\"}]}"
					: "{\"tool\":\"file-stats\",\"parameters\":" + form.path("parameters") + "}";
		}
		var bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", status == 400 ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	/** As the launcher answers a session's owner (here: anyone with a bearer token; the launcher's own test checks who). */
	private static void session(HttpExchange exchange) throws IOException {
		var bearer = exchange.getRequestHeaders().getFirst("Authorization");
		var ok = bearer != null && bearer.startsWith("Bearer ");
		var bytes = (ok ? "{\"url\":\"http://127.0.0.1:9/?token=session-token\"}" : "{\"status\":401}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(ok ? 200 : 401, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@BeforeAll
	static void startBrowser() throws Exception {
		Assumptions.assumeTrue(Files.isRegularFile(LAUNCHER_JOB_TYPES), "the job launcher's job types are missing");
		browser = Browser.start();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		launcher.stop(0);
	}

	private List<Map<String, Object>> jobs() {
		return as("user1").get().uri("/api/v4/jobs").exchange().expectStatus().isOk().expectBody(JSON_ARRAY)
			.returnResult().getResponseBody();
	}

	@Test
	void aToolsFormIsCheckedThenRunsAsAnAnalysisJobAndAJupyterSessionIsAJobToo() {
		var pid = (String) created("ingestor", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
		browser.driver.get("http://127.0.0.1:" + port + "/dataset.html?pid="
				+ java.net.URLEncoder.encode(pid, StandardCharsets.UTF_8));
		browser.script("sessionStorage.clear()");
		browser.driver.navigate().refresh();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys("user1");
		browser.driver.findElement(By.name("password")).sendKeys(io.catalog.api.support.TestAccounts.password("user1"));
		browser.driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();

		var tool = browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("tool")));
		new Select(tool).selectByValue("file-stats");
		var top = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("p-top")));
		assertThat(top.getAttribute("type")).isEqualTo("number");
		assertThat(top.getAttribute("min")).isEqualTo("1");
		assertThat(top.getAttribute("value")).isEqualTo("100");
		assertThat(browser.driver.findElements(By.id("p-data"))).as("a dataset parameter is the dataset itself").isEmpty();

		top.clear();
		top.sendKeys("0");
		browser.driver.findElement(By.xpath("//form[@class='tool']//button")).click();
		assertThat(browser.script("return document.getElementById('p-top').validity.valid")).as("below the minimum")
			.isEqualTo(false);
		var pattern = browser.driver.findElement(By.id("p-pattern"));
		pattern.clear();
		pattern.sendKeys("raw/*.h5");
		top.clear();
		top.sendKeys("5");
		browser.driver.findElement(By.xpath("//form[@class='tool']//button")).click();
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("analysis"),
				"Not started: pattern: must be a file name pattern, not a path"));
		assertThat(jobs()).isEmpty();

		pattern.clear();
		pattern.sendKeys("*.h5");
		browser.driver.findElement(By.xpath("//form[@class='tool']//button")).click();
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("analysis"), "Analysis job "));
		assertThat(jobs()).singleElement().satisfies(job -> {
			var params = (Map<?, ?>) job.get("jobParams");
			assertThat(params.get("tool")).isEqualTo("file-stats");
			assertThat(params.get("parameters")).isEqualTo(Map.of("pattern", "*.h5", "top", 5));
		});

		browser.driver.findElement(By.xpath("//section[@id='analysis']/button[.='Open a Jupyter session']")).click();
		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("analysis"), "Jupyter session job "));
		assertThat(jobs()).extracting(job -> job.get("type")).containsExactlyInAnyOrder("analysis", "jupyter");

		// the launcher reports the running session without its token; its owner asks for the address on the jobs page
		var jupyter = jobs().stream().filter(job -> "jupyter".equals(job.get("type"))).findFirst().orElseThrow().get("id");
		patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "inProgress", "statusMessage",
				"Jupyter session running", "jobResultObject", Map.of("url", "http://127.0.0.1:9/", "session",
						"/api/v1/sessions/" + jupyter)), jupyter).expectStatus().isOk();
		browser.driver.get("http://127.0.0.1:" + port + "/jobs.html");
		browser.waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//tr[@data-id='" + jupyter + "']//button[.='Session address']"))).click();
		var open = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.session")));
		assertThat(open.getAttribute("href")).isEqualTo("http://127.0.0.1:9/?token=session-token");
	}

}
