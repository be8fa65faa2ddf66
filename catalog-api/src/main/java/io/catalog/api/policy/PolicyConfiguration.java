package io.catalog.api.policy;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;

/** The schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

	@Bean
	ContractSchemas policyContractSchemas() {
		return new ContractSchemas(Map.of("Policy", Policies.QUERY.with().required("id", FieldType.STRING).build(), "CreatePolicy",
				Policies.CREATE, "UpdatePolicy", Policies.UPDATE));
	}

}
