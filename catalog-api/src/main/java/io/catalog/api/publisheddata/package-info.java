/** Published data: citable collections of datasets, before DOI registration. */
package io.catalog.api.publisheddata;
