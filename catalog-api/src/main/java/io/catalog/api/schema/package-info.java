/** The shapes documents take: field types, schemas that read client JSON, dates and JSON conversion. */
package io.catalog.api.schema;
