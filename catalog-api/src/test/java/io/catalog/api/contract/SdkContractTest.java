package io.catalog.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.TestAccounts;
import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.CatalogException;
import io.catalog.sdk.Filter;
import io.catalog.sdk.model.CreateDatasetOrigDatablock;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateRawDataset;
import io.catalog.sdk.model.CreateSample;
import io.catalog.sdk.model.DataFile;

/** The generated Java SDK against a running catalog over real HTTP, one endpoint family at a time. */
class SdkContractTest extends CatalogTest {

	@LocalServerPort
	int port;

	CatalogClient client;

	@BeforeEach
	void signIn() {
		client = CatalogClient.of("http://127.0.0.1:" + port);
		client.await(client.login("user1", TestAccounts.password("user1")));
	}

	CreateDatasetRequest raw(String name) {
		return new CreateDatasetRequest(new CreateRawDataset().type("raw").ownerGroup("group1").owner("Ada")
			.contactEmail("ada@facility.test").sourceFolder("/data/" + name).creationTime(OffsetDateTime.parse("2026-03-01T10:00:00Z"))
			.principalInvestigator("Ada").creationLocation("/PSI/SLS/TOMCAT").datasetName(name)
			.scientificMetadata(Map.of("energy", Map.of("value", 9.7, "unit", "keV"))));
	}

	@Test
	void signsInAndKnowsItself() {
		var me = client.await(() -> client.auth().getMyself());
		assertThat(me.getUsername()).isEqualTo("user1");
		assertThat(me.getCurrentGroups()).contains("group1");
	}

	@Test
	void createsAndQueriesDatasets() {
		var created = client.await(() -> client.datasets().createDataset(raw("run-1")));
		assertThat(created.getPid()).startsWith("test.prefix/");
		client.await(() -> client.datasets().createDataset(raw("run-2")));
		var found = client.await(() -> client.datasets().listDatasets(
				Filter.where("datasetName", Filter.inq("run-1")).fields("pid", "datasetName").limit(5).toJson()));
		assertThat(found).singleElement().satisfies(d -> assertThat(d.getPid()).isEqualTo(created.getPid()));
		assertThat(client.await(() -> client.datasets().countDatasets(null, Filter.where("datasetName", Filter.like("run-")).whereJson(), null))
			.getCount()).isEqualTo(2L);
		assertThat(client.await(() -> client.datasets().getDataset(created.getPid())).getScientificMetadata()).containsKey("energy");
	}

	@Test
	void addsFileListsAndTheDatasetFollows() {
		var pid = client.await(() -> client.datasets().createDataset(raw("run-3"))).getPid();
		var block = new CreateDatasetOrigDatablock().dataFileList(List.of(
				new DataFile().path("a.h5").size(new BigDecimal(10)).time(OffsetDateTime.parse("2026-03-01T10:00:00Z")),
				new DataFile().path("b.h5").size(new BigDecimal(5)).time(OffsetDateTime.parse("2026-03-01T10:01:00Z"))));
		client.await(() -> client.datasets().createDatasetOrigDatablock(pid, block));
		assertThat(client.await(() -> client.datasets().listDatasetOrigDatablocks(pid))).hasSize(1);
		var dataset = client.await(() -> client.datasets().getDataset(pid));
		assertThat(dataset.getNumberOfFiles()).isEqualTo(2L);
		assertThat(dataset.getSize()).isEqualByComparingTo("15");
		assertThat(client.await(() -> client.origDatablocks().listOrigDatablocks(Filter.where("datasetId", pid).toJson())))
			.hasSize(1);
	}

	@Test
	void createsAndFindsSamples() {
		var sample = client.await(() -> client.samples().createSample(new CreateSample().ownerGroup("group1")
			.description("powder").sampleCharacteristics(Map.of("mass", Map.of("value", 2, "unit", "mg")))));
		assertThat(client.await(() -> client.samples().getSample(sample.getSampleId())).getDescription()).isEqualTo("powder");
		assertThat(client.await(() -> client.samples().listSamples(Filter.where("description", "powder").toJson())))
			.hasSize(1);
	}

	@Test
	void refusalsArriveAsTypedProblems() {
		assertThatThrownBy(() -> client.await(() -> client.datasets().getDataset("test.prefix/missing")))
			.isInstanceOfSatisfying(CatalogException.class, ex -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.problem().getDetail()).contains("not found");
			});
		var wrong = raw("run-4");
		((CreateRawDataset) wrong.getActualInstance()).ownerGroup("group4");
		assertThatThrownBy(() -> client.await(() -> client.datasets().createDataset(wrong)))
			.isInstanceOfSatisfying(CatalogException.class, ex -> assertThat(ex.status()).isEqualTo(403));
		assertThatThrownBy(() -> client.await(() -> client.datasets().listDatasets("{\"where\":{\"$where\":1}}")))
			.isInstanceOfSatisfying(CatalogException.class, ex -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.problem().getErrors()).singleElement()
					.satisfies(error -> assertThat(error.getField()).isEqualTo("where.$where"));
			});
	}

}
