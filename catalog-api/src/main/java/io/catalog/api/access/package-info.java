/** Who the caller is and what it may do: SciCat's group lists and read rule, decided in one place. */
package io.catalog.api.access;
