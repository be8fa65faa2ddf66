package io.catalog.api.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;
import io.catalog.api.support.TestAccounts;

/**
 * The web GUI served at {@code /}, driven in Debian's Chromium through its chromedriver (never a downloaded browser):
 * an anonymous visitor's search, a group member's facets and unit condition, the dataset page, and an archive job
 * started from it. Skipped, saying so, where Chromium or chromedriver is not installed.
 */
@Tag("browser")
class WebGuiBrowserTest extends CatalogTest {

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

	@BeforeEach
	void signedOut() {
		open("/");
		browser.script("sessionStorage.clear()");
	}

	private void open(String path) {
		browser.driver.get("http://127.0.0.1:" + port + path);
	}

	private WebDriverWait waiting() {
		return browser.waiting();
	}

	private String dataset(String name, String group, boolean published, String type, Map<String, Object> more) {
		var body = new HashMap<String, Object>(Requests.rawDataset(group));
		body.put("datasetName", name);
		body.put("isPublished", published);
		body.putAll(more);
		if ("derived".equals(type)) {
			body.put("type", "derived");
			body.put("investigator", "Ada");
			body.put("usedSoftware", List.of("tomopy 1.15"));
			body.remove("principalInvestigator");
			body.remove("creationLocation");
		}
		return (String) created("ingestor", "/api/v3/datasets", body).get("pid");
	}

	private List<String> names() {
		return browser.names();
	}

	private void waitForNames(String... expected) {
		waiting().until(driver -> names().equals(List.of(expected)));
	}

	private List<Map<String, Object>> jobsOf(String username) {
		return as(username).get().uri("/api/v4/jobs").exchange().expectStatus().isOk().expectBody(JSON_ARRAY)
			.returnResult().getResponseBody();
	}

	private void signIn(String username) {
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("username"))).sendKeys(username);
		browser.driver.findElement(By.name("password")).sendKeys(TestAccounts.password(username));
		browser.driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("account"), "Signed in as " + username));
	}

	@Test
	void anAnonymousVisitorSearchesPublishedDatasetsByTextAndTheAddressKeepsTheQuery() {
		dataset("tomography alpha", "group1", true, "raw", Map.of("creationTime", "2026-03-01T10:00:00Z"));
		dataset("diffraction beta", "group1", true, "raw", Map.of("creationTime", "2026-03-02T10:00:00Z"));
		dataset("tomography secret", "group1", false, "raw", Map.of());

		open("/");
		waitForNames("diffraction beta", "tomography alpha");
		assertThat(browser.driver.findElement(By.id("count")).getText()).isEqualTo("2 datasets");

		browser.driver.findElement(By.id("q")).sendKeys("tomography\n");
		waitForNames("tomography alpha");
		assertThat(browser.driver.getCurrentUrl()).contains("q=tomography");

		open("/?q=diffraction");
		waitForNames("diffraction beta");
	}

	@Test
	void aGroupMemberNarrowsByFacetAndByAConditionAskedInAnotherUnit() throws Exception {
		dataset("cold run", "group1", false, "raw", Map.of("scientificMetadata",
				Map.of("energy", Map.of("value", 9.7, "unit", "keV"))));
		dataset("hot run", "group1", false, "raw", Map.of("scientificMetadata",
				Map.of("energy", Map.of("value", 12, "unit", "keV"))));
		dataset("reconstruction", "group1", false, "derived", Map.of("inputDatasets", List.of("x")));
		dataset("other group's run", "group2", false, "raw", Map.of());

		open("/");
		signIn("user1");
		waiting().until(driver -> names().size() == 3);

		waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//nav[@id='facets']//button[starts-with(normalize-space(.), 'derived')]"))).click();
		waitForNames("reconstruction");
		assertThat(browser.driver.getCurrentUrl()).contains("type=derived");

		open("/?key=energy&relation=GREATER_THAN&value=10000&unit=eV");
		waitForNames("hot run");
		browser.screenshot("search");
	}

	@Test
	void theDatasetPageShowsMetadataWithUnitsFilesAndLineage() throws Exception {
		var files = Requests.fileBlock(3, 2048);
		var input = dataset("scan 7", "group1", true, "raw", Map.of("origdatablocks", List.of(files), "keywords",
				List.of("tomography")));
		dataset("scan 7 reconstructed", "group1", true, "derived", Map.of("inputDatasets", List.of(input), "jobParameters",
				Map.of("jobId", "job-42", "tool", "tomopy-recon", "parameters", Map.of("centre", 1024))));

		open("/dataset.html?pid=" + java.net.URLEncoder.encode(input, java.nio.charset.StandardCharsets.UTF_8));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("name"), "scan 7"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("metadata"), "energy: 9.7 keV"));
		waiting().until(driver -> driver.findElements(By.cssSelector("#files tbody tr")).size() == 3);
		browser.screenshot("dataset");
		assertThat(browser.driver.findElement(By.linkText("tomography")).getAttribute("href")).endsWith("/?keywords=tomography");
		var derived = waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("scan 7 reconstructed")));

		derived.click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineage"), "Made from"));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("lineage"), "job-42"));
		assertThat(browser.driver.findElement(By.cssSelector("#lineage dl.parameters")).getText())
			.contains("tomopy-recon").contains("centre").contains("1024");
		assertThat(browser.driver.findElement(By.id("lineage")).findElements(By.cssSelector("ul a"))).singleElement()
			.satisfies(link -> assertThat(link.getAttribute("href")).contains(java.net.URLEncoder.encode(input,
					java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void aHiddenDatasetSaysSoAndASignedInOwnerArchivesIt() {
		var pid = dataset("private run", "group1", false, "raw", Map.of());
		var page = "/dataset.html?pid=" + java.net.URLEncoder.encode(pid, java.nio.charset.StandardCharsets.UTF_8);

		open(page);
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "may not see it"));

		signIn("user1");
		waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='actions']/button[.='Archive']"))).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("actions"), "archive job "));
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#jobs tbody"), "jobSubmitted"));
		var job = jobsOf("user1").get(0).get("id");
		patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "inProgress", "statusMessage", "packing"), job)
			.expectStatus().isOk();
		browser.driver.navigate().refresh();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#jobs details.history summary"),
				"2 steps"));
		browser.driver.findElement(By.cssSelector("#jobs details.history summary")).click();
		assertThat(browser.driver.findElement(By.cssSelector("#jobs details.history ol")).getText())
			.contains("jobSubmitted").contains("inProgress: packing");

		assertThat(jobsOf("user1")).singleElement().satisfies(one -> assertThat(one).containsEntry("type", "archive"));
	}

	@Test
	void theJobsPageFollowsAJobsStatusWithoutAReload() {
		var pid = dataset("run to archive", "group1", false, "raw", Map.of());
		var job = created("user1", "/api/v4/jobs", Map.of("type", "archive", "ownerGroup", "group1", "jobParams",
				Map.of("datasetList", List.of(Map.of("pid", pid, "files", List.of())))));

		open("/jobs.html");
		signIn("user1");
		var status = By.cssSelector("#jobs tr[data-id='" + job.get("id") + "'] td.status");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(status, "jobSubmitted"));

		patch("archiveManager", "/api/v4/jobs/{id}", Map.of("statusCode", "inProgress", "statusMessage", "packing"),
				job.get("id")).expectStatus().isOk();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(status, "inProgress"));
	}

	@Test
	void aTokenCreatedOnItsPageIsShownOnceWorksAndIsRevokedThere() {
		open("/tokens.html");
		signIn("user1");
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("name"))).sendKeys("nightly script\n");
		var secret = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token"))).getText();
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + secret).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("user1");

		waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Revoke nightly script']")))
			.click();
		waiting().until(driver -> driver.findElements(By.cssSelector("#tokens tbody tr")).isEmpty());
		web.get().uri("/api/v3/users/my/self").header("Authorization", "Bearer " + secret).exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void aDateWindowAndAMetadataColumnComeFromTheAddress() {
		dataset("early", "group1", true, "raw", Map.of("creationTime", "2026-03-01T10:00:00Z"));
		dataset("late", "group1", true, "raw", Map.of("creationTime", "2026-03-05T10:00:00Z", "scientificMetadata",
				Map.of("energy", Map.of("value", 12, "unit", "keV"))));

		open("/?from=2026-03-02&cols=energy");
		waitForNames("late");
		assertThat(browser.driver.findElement(By.cssSelector("#results tbody td.metadata")).getText()).isEqualTo("12 keV");

		waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=show][value=ownerGroup]"))).click();
		waiting().until(driver -> driver.getCurrentUrl().contains("show="));
		waiting().until(driver -> driver.findElements(By.xpath("//table[@id='results']//th[.='Group']")).isEmpty());
		assertThat(browser.driver.findElements(By.xpath("//table[@id='results']//th[starts-with(normalize-space(.), 'Created')]")))
			.hasSize(1);
		waitForNames("late");
	}

	@Test
	void datasetsPickedIntoTheCartAreArchivedInOneJob() {
		dataset("first", "group1", false, "raw", Map.of("creationTime", "2026-03-01T10:00:00Z"));
		dataset("second", "group1", false, "raw", Map.of("creationTime", "2026-03-02T10:00:00Z"));

		open("/");
		signIn("user1");
		waitForNames("second", "first");
		browser.driver.findElement(By.cssSelector("input[aria-label='Cart: first']")).click();
		browser.driver.findElement(By.cssSelector("input[aria-label='Cart: second']")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("cart"), "Cart: 2 datasets"));
		browser.driver.findElement(By.xpath("//div[@id='cart']/button[.='Archive all']")).click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("cart"), "over 2 datasets"));

		var jobs = jobsOf("user1");
		assertThat(jobs).singleElement().satisfies(job -> assertThat(
				(List<?>) ((Map<?, ?>) job.get("jobParams")).get("datasetList")).hasSize(2));
	}

	@Test
	void aDataPolicyOfficerFindsFailedArchivesByTheLifecycleFacet() {
		dataset("archived fine", "group1", false, "raw", Map.of("datasetlifecycle",
				Map.of("archivable", false, "retrievable", true, "archiveStatusMessage", "datasetOnArchiveDisk")));
		dataset("files missing", "group1", false, "raw", Map.of("datasetlifecycle",
				Map.of("archivable", true, "archiveStatusMessage", "missingFilesError")));

		open("/");
		signIn("archiveManager");
		waiting().until(driver -> names().size() == 2);
		waiting().until(ExpectedConditions.elementToBeClickable(
				By.xpath("//nav[@id='facets']//button[starts-with(normalize-space(.), 'missingFilesError')]"))).click();
		waitForNames("files missing");

		open("/?datasetlifecycle.retrievable=true");
		waitForNames("archived fine");
	}

	@Test
	void chosenFilesOfAnArchivedDatasetAreRetrievedAlone() {
		var pid = dataset("archived run", "group1", false, "raw", Map.of("origdatablocks",
				List.of(Requests.fileBlock(3, 1024)), "datasetlifecycle", Map.of("archivable", false, "retrievable", true)));

		open("/dataset.html?pid=" + java.net.URLEncoder.encode(pid, java.nio.charset.StandardCharsets.UTF_8));
		signIn("user1");
		waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[aria-label='Choose /data/run1/file0.h5']")))
			.click();
		browser.driver.findElement(By.cssSelector("input[aria-label='Choose /data/run1/file2.h5']")).click();
		waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//div[@id='actions']/button[.='Retrieve 2 chosen files']")))
			.click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("actions"), "retrieve job "));

		var jobs = jobsOf("user1");
		assertThat(jobs).singleElement().satisfies(job -> assertThat(((Map<?, ?>) ((List<?>) ((Map<?, ?>) job
			.get("jobParams")).get("datasetList")).get(0)).get("files"))
			.isEqualTo(List.of("/data/run1/file0.h5", "/data/run1/file2.h5")));
	}

}
