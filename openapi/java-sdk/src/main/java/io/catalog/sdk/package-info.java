/** The hand-written part of the Java SDK: {@link io.catalog.sdk.CatalogClient}, typed refusals and the filter builder. */
package io.catalog.sdk;
