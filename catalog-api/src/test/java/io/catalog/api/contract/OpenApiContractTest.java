package io.catalog.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;

/**
 * The committed contract, {@code openapi/catalog-api.yaml}, is what the code serves; a change to an endpoint
 * without refreshing it fails here with the command that refreshes it.
 */
class OpenApiContractTest extends CatalogTest {

	static final Path CONTRACT = Path.of("..", "openapi", "catalog-api.yaml");

	static final String REFRESH = "mvn -B -pl catalog-api test -Dtest=OpenApiContractTest -Dcontract.refresh=true";

	String served() {
		return as(null).get().uri("/explorer-json.yaml").exchange().expectStatus().isOk().expectBody(String.class)
			.returnResult().getResponseBody();
	}

	@Test
	void committedContractIsWhatTheCodeServes() throws IOException {
		var served = served();
		if (Boolean.getBoolean("contract.refresh")) {
			Files.writeString(CONTRACT, served);
		}
		assertThat(Files.exists(CONTRACT)).as("%s is missing: run %s", CONTRACT, REFRESH).isTrue();
		assertThat(Files.readString(CONTRACT))
			.as("openapi/catalog-api.yaml differs from what the code serves: run %s and commit the file", REFRESH)
			.isEqualTo(served);
	}

	@Test
	void everyOperationHasAnIdATagAndASummary() throws IOException {
		var json = new ObjectMapper().readTree(as(null).get().uri("/explorer-json").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody());
		var undocumented = new ArrayList<String>();
		json.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			JsonNode op = operation.getValue();
			if (op.path("operationId").asText().isEmpty() || op.path("operationId").asText().matches(".*_\\d+")
					|| op.path("tags").isEmpty() || op.path("summary").asText().isEmpty()) {
				undocumented.add(operation.getKey() + " " + path.getKey());
			}
		}));
		assertThat(undocumented).as("operations without operationId, tag or summary").isEmpty();
		assertThat(json.path("components").path("schemas").path("CreateRawDataset").path("required"))
			.extracting(JsonNode::toString).asString().contains("principalInvestigator");
	}

	@Test
	void explorerServesSwaggerUi() {
		web.get().uri("/explorer").exchange().expectStatus().is3xxRedirection()
			.expectHeader().valueMatches("Location", ".*swagger-ui.*");
	}

}
