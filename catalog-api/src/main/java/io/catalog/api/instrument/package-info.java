/** Instruments: the beamlines and stations datasets come from. */
package io.catalog.api.instrument;
