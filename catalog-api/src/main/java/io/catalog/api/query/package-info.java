/** SciCat's LoopBack filter language, translated into MongoDB queries that carry no client operators. */
package io.catalog.api.query;
