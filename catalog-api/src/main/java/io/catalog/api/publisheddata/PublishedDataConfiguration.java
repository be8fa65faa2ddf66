package io.catalog.api.publisheddata;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.document.FieldType;

/** The schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class PublishedDataConfiguration {

	@Bean
	ContractSchemas publisheddataContractSchemas() {
		return new ContractSchemas(Map.of("PublishedData", PublishedDataKind.QUERY.with().required("doi", FieldType.STRING).build(),
				"CreatePublishedData", PublishedDataKind.CREATE, "UpdatePublishedData", PublishedDataKind.PATCH));
	}

}
