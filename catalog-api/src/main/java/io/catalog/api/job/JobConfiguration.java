package io.catalog.api.job;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;

/** The job schemas the contract publishes. */
@Configuration(proxyBeanMethods = false)
class JobConfiguration {

	@Bean
	ContractSchemas jobContractSchemas() {
		return new ContractSchemas(Map.of("Job", Jobs.QUERY.with().required("id", FieldType.STRING).build(), "CreateJob",
				Jobs.CREATE, "UpdateJob", Jobs.UPDATE));
	}

}
