package io.catalog.api.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;
import io.catalog.api.schema.Schema;

/** The user-settings and authorisation schemas the contract publishes. */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	@Bean
	ContractSchemas userContractSchemas() {
		return new ContractSchemas(Map.of("UserSettings", UserSettings.SCHEMA, "Authorization",
				Schema.builder().required("authorization", FieldType.BOOLEAN).build()));
	}

}
