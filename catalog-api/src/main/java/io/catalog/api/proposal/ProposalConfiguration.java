package io.catalog.api.proposal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.document.FieldType;

/** The schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class ProposalConfiguration {

	@Bean
	ContractSchemas proposalContractSchemas() {
		return new ContractSchemas(Map.of("Proposal", Proposals.QUERY.with().required("proposalId", FieldType.STRING).build(),
				"CreateProposal", Proposals.CREATE, "UpdateProposal", Proposals.PATCH));
	}

}
