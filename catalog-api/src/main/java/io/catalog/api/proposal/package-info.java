/** Proposals: the experiments facilities grant beamtime to. */
package io.catalog.api.proposal;
