/** The OpenAPI contract the catalog serves at {@code /explorer}, built from the same schemas that check requests. */
package io.catalog.api.contract;
