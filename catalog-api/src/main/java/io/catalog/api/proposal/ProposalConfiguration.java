package io.catalog.api.proposal;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;
import io.catalog.api.schema.Schema;

/** The proposal types a site allows, and the schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

	@Bean
	ProposalTypes proposalTypes(ProposalProperties properties, ObjectMapper mapper) {
		return ProposalTypes.load(properties.typesFile(), mapper);
	}

	@Bean
	ContractSchemas proposalContractSchemas() {
		return new ContractSchemas(Map.of("Proposal", Proposals.QUERY.with().required("proposalId", FieldType.STRING).build(),
				"CreateProposal", Proposals.CREATE, "UpdateProposal", Proposals.PATCH, "ProposalAccess",
				Schema.builder().required("canAccess", FieldType.BOOLEAN).build()));
	}

}
