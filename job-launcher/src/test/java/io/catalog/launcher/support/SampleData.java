package io.catalog.launcher.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateRawDataset;

/** Datasets for the tests: a folder of a few small text files, catalogued as a raw dataset of group1. */
public final class SampleData {

	private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

	private SampleData() {
	}

	/** Writes {@code files} files {@code scan_<n>.txt} under {@code folder} and catalogues them; answers the pid. */
	public static String create(CatalogClient owner, Path folder, String name, int files, String sourceFolderHost)
			throws IOException {
		Files.createDirectories(folder);
		for (int i = 0; i < files; i++) {
			Files.writeString(folder.resolve("scan_%d.txt".formatted(i)), "frame %d%n".formatted(i).repeat(i + 1));
		}
		var body = JSON.createObjectNode().put("type", "raw").put("datasetName", name).put("ownerGroup", "group1")
			.put("owner", "Ada Lovelace").put("contactEmail", "ada@facility.example")
			.put("principalInvestigator", "Ada Lovelace").put("sourceFolder", folder.toAbsolutePath().toString())
			.put("creationTime", "2026-11-22T10:00:00Z").put("creationLocation", "/Facility/Beamline");
		if (sourceFolderHost != null) {
			body.put("sourceFolderHost", sourceFolderHost);
		}
		var request = new CreateDatasetRequest(JSON.treeToValue(body, CreateRawDataset.class));
		return owner.await(() -> owner.datasets().createDataset(request)).getPid();
	}

}
