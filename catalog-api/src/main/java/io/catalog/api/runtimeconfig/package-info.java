/**
 * SciCat's runtime configuration: the JSON files a SciCat installation has (the frontend's configuration and theme
 * first), copied into the store at start-up, served to anyone and changeable by admins until the next start.
 */
package io.catalog.api.runtimeconfig;
