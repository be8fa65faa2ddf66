/** Samples measured in datasets, with their characteristics. */
package io.catalog.api.sample;
