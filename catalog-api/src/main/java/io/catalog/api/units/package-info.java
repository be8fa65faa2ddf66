/** Units of scientific metadata: symbols read with Indriya, SI values added to quantities on the way in. */
package io.catalog.api.units;
