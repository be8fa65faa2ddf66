package io.catalog.api.datablock;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;
import io.catalog.api.schema.Schema;

/** The file-list schemas the contract publishes. */
@Configuration(proxyBeanMethods = false)
class DatablockConfiguration {

	@Bean
	ContractSchemas datablockContractSchemas() {
		return new ContractSchemas(Map.of("DataFile", BlockKind.DATA_FILE,
				"OrigDatablock", stored(BlockKind.ORIG), "CreateOrigDatablock", BlockKind.ORIG.standalone(),
				"CreateDatasetOrigDatablock", BlockKind.ORIG.nested(), "UpdateOrigDatablock", BlockKind.ORIG.nested(),
				"Datablock", stored(BlockKind.ARCHIVED), "CreateDatablock", BlockKind.ARCHIVED.standalone(),
				"CreateDatasetDatablock", BlockKind.ARCHIVED.nested(), "UpdateDatablock", BlockKind.ARCHIVED.nested()));
	}

	private static Schema stored(BlockKind blocks) {
		return blocks.kind().schema().with().required(FieldType.STRING, "id", "_id").build();
	}

}
