/** Local sign-in with SciCat's functional accounts and the catalog's own signed tokens. */
package io.catalog.api.auth;
