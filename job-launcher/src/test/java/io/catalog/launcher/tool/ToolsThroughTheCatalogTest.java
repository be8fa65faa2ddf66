package io.catalog.launcher.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import io.catalog.launcher.support.CatalogServer;
import io.catalog.launcher.support.KafkaBroker;
import io.catalog.launcher.support.Launchers;
import io.catalog.testsupport.CatalogProcess;

/**
 * The launcher's tools as a GUI on the catalog's origin reads them: a real catalog-api told where the launcher
 * answers ({@code JOB_LAUNCHER_URL}) lists the launcher's tools at {@code /api/v4/tools} and checks a form at
 * {@code /api/v4/tools/{name}/validate} with the launcher's own answer.
 */
class ToolsThroughTheCatalogTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path dir;

	private static CatalogProcess catalog;

	private static ConfigurableApplicationContext launcher;

	private static String token;

	@BeforeAll
	static void start() throws Exception {
		var port = CatalogProcess.freePort();
		catalog = CatalogProcess.start("""
				[{"username":"launcher","email":"launcher@localhost","password":"%s","role":"launcher","global":true},
				 {"username":"scientist","email":"scientist@localhost","password":"%s","role":"group1","global":false}]
				""".formatted(CatalogServer.LAUNCHER_PASSWORD, CatalogServer.SCIENTIST_PASSWORD),
				Map.of("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers(), "JOB_LAUNCHER_URL",
						"http://127.0.0.1:" + port), "512m");
		var settings = Launchers.settings(catalog.url(), dir.resolve("work"));
		settings.put("PORT", String.valueOf(port));
		launcher = Launchers.start(settings);
		token = send(HttpRequest.newBuilder(URI.create(catalog.url() + "/api/v3/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"scientist\",\"password\":\""
					+ CatalogServer.SCIENTIST_PASSWORD + "\"}")), 201).get("id").asText();
	}

	@AfterAll
	static void stop() {
		if (launcher != null) {
			launcher.close();
		}
	}

	private static JsonNode send(HttpRequest.Builder request, int status) throws Exception {
		var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	private static HttpRequest.Builder validate(String tool, String form) {
		return HttpRequest.newBuilder(URI.create(catalog.url() + "/api/v4/tools/" + tool + "/validate"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form));
	}

	@Test
	void theCatalogListsTheLaunchersToolsWithTheirTypedParameters() throws Exception {
		var tools = send(HttpRequest.newBuilder(URI.create(catalog.url() + "/api/v4/tools")).GET(), 200);
		var fileStats = tools.findValues("name").stream().map(JsonNode::asText).toList();
		assertThat(fileStats).contains("file-stats");
		var top = tools.findParents("name").stream().filter(node -> "top".equals(node.path("name").asText())).findFirst()
			.orElseThrow();
		assertThat(top.path("type").asText()).isEqualTo("integer");
		assertThat(top.path("minimum").asDouble()).isEqualTo(1.0);
	}

	@Test
	void aFormIsCheckedByTheLauncherThroughTheCatalog() throws Exception {
		var checked = send(validate("file-stats", "{\"parameters\":{\"pattern\":\"*.txt\"},\"datasets\":[]}"), 200);
		assertThat(checked.path("parameters").path("top").asInt()).isEqualTo(100);
		var refused = send(validate("file-stats", "{\"parameters\":{\"top\":0},\"datasets\":[]}"), 400);
		assertThat(JSON.convertValue(refused.path("errors"), new TypeReference<List<Map<String, String>>>() {
		}))
			.contains(Map.of("parameter", "top", "reason", "must be at least 1, not 0"));
		send(validate("no-such-tool", "{\"parameters\":{}}"), 404);
	}

}
