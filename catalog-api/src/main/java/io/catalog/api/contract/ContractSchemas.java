package io.catalog.api.contract;

import java.util.Map;

import io.catalog.api.schema.Schema;

/**
 * Named request and response schemas a feature publishes in the OpenAPI contract; each feature declares one bean.
 *
 * @param schemas the schemas by component name
 */
public record ContractSchemas(Map<String, Schema> schemas) {
}
