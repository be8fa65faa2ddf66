/** catalog-api: the SciCat-compatible catalog service. Feature packages hold their handlers, services and documents. */
package io.catalog.api;
