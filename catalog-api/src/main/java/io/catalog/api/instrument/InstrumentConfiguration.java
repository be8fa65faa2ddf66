package io.catalog.api.instrument;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;

/** The schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class InstrumentConfiguration {

	@Bean
	ContractSchemas instrumentContractSchemas() {
		return new ContractSchemas(Map.of("Instrument", Instruments.QUERY.with().required("pid", FieldType.STRING).build(),
				"CreateInstrument", Instruments.CREATE, "UpdateInstrument", Instruments.PATCH));
	}

}
