package io.catalog.api.sample;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;
import io.catalog.api.schema.Schema;

/** The schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

	@Bean
	ContractSchemas sampleContractSchemas() {
		return new ContractSchemas(Map.of("Sample", Samples.QUERY.with().required("sampleId", FieldType.STRING).build(), "CreateSample",
				Samples.CREATE, "UpdateSample", Samples.PATCH, "SampleAccess",
				Schema.builder().required("canAccess", FieldType.BOOLEAN).build()));
	}

}
