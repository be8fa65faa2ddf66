package io.catalog.api.runtimeconfig;

import static io.catalog.api.schema.FieldType.DATE;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.STRING;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.Schema;

/** Copies the configuration files into the store at start-up, and publishes the runtime-configuration schemas. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfigConfiguration {

	@Bean
	ApplicationRunner runtimeConfigSync(RuntimeConfigs configs) {
		return args -> configs.syncFiles().block(Duration.ofMinutes(1));
	}

	@Bean
	ContractSchemas runtimeConfigContractSchemas() {
		return new ContractSchemas(Map.of("RuntimeConfig",
				Schema.builder().required("cid", STRING).required("data", OBJECT)
					.optional(STRING, "createdBy", "updatedBy")
					.optional(DATE, "createdAt", "updatedAt")
					.build(),
				"RuntimeConfigUpdate", Schema.builder().required("data", OBJECT).build()));
	}

}
