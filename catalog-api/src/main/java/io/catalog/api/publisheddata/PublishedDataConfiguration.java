package io.catalog.api.publisheddata;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;

/** The published-data configuration file, and the schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class PublishedDataConfiguration {

	@Bean
	PublishedDataConfig publishedDataConfig(PublishedDataProperties properties, ObjectMapper mapper) {
		return PublishedDataConfig.load(properties.configFile(), mapper);
	}

	@Bean
	ContractSchemas publisheddataContractSchemas() {
		return new ContractSchemas(Map.of(
				"PublishedData", PublishedDataKind.OBSOLETE_PATCH.with().required("doi", FieldType.STRING).build(),
				"CreatePublishedData", PublishedDataKind.OBSOLETE_CREATE,
				"UpdatePublishedData", PublishedDataKind.OBSOLETE_PATCH,
				"PublishedDataV4", PublishedDataKind.QUERY.with().required("doi", FieldType.STRING).build(),
				"CreatePublishedDataV4", PublishedDataKind.CREATE,
				"UpdatePublishedDataV4", PublishedDataKind.PATCH));
	}

}
