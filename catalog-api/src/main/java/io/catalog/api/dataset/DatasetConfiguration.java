package io.catalog.api.dataset;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;
import io.catalog.api.schema.Schema;

/** The dataset types a site allows, and the dataset schemas the contract publishes. */
@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

	@Bean
	DatasetTypes datasetTypes(DatasetProperties properties, ObjectMapper mapper) {
		return DatasetTypes.load(properties.typesFile(), mapper);
	}

	@Bean
	MetadataSchemas metadataSchemas(DatasetProperties properties, ObjectMapper mapper) {
		return new MetadataSchemas(properties.metadataSchemaHosts() == null ? java.util.Set.of()
				: properties.metadataSchemaHosts(), mapper);
	}

	@Bean
	ContractSchemas datasetContractSchemas(DatasetFileLists fileLists) {
		return new ContractSchemas(Map.of("Dataset", DatasetSchemas.QUERY.with().required("pid", FieldType.STRING)
			.required("_id", FieldType.STRING).build(), "CreateRawDataset", withFileLists(DatasetSchemas.RAW, fileLists),
				"CreateDerivedDataset", withFileLists(DatasetSchemas.DERIVED, fileLists), "UpdateDataset",
				DatasetSchemas.UPDATE, "CreateDataset", DatasetSchemas.CREATE, "PartialUpdateDataset", DatasetSchemas.CURRENT, "DatasetLifecycle", DatasetSchemas.LIFECYCLE,
				"AppendToArrayField", Schema.builder().required("fieldName", FieldType.STRING)
					.required("data", FieldType.ANY).build(),
				"Thumbnail", Schema.builder().optional("thumbnail", FieldType.STRING).build()));
	}

	/** A create request may carry the dataset's file lists (see {@link DatasetFileLists}). */
	private static Schema withFileLists(Schema create, DatasetFileLists fileLists) {
		return create.with().optional(DatasetFileLists.FIELD, FieldType.OBJECTS, fileLists.schema()).build();
	}

}
