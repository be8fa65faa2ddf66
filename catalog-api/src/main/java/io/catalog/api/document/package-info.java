/** What every kind of catalog document shares: schemas, JSON conversion, storage and the generic operations. */
package io.catalog.api.document;
