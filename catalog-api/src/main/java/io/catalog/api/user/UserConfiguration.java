package io.catalog.api.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;

/** The user-settings schema the contract publishes. */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	@Bean
	ContractSchemas userContractSchemas() {
		return new ContractSchemas(Map.of("UserSettings", UserSettings.SCHEMA));
	}

}
