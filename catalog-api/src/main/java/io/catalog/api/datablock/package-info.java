/** File lists of datasets: origdatablocks (as acquired) and datablocks (archived copies). */
package io.catalog.api.datablock;
