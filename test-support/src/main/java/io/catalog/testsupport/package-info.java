/** Test fixtures the services beside catalog-api share. */
package io.catalog.testsupport;
