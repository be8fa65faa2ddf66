/** The change history SciCat keeps of updates and deletes. */
package io.catalog.api.history;
