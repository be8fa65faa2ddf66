package io.catalog.api.dataset;

/** The version of SciCat's API a dataset request came through: v3 speaks the obsolete field names, v4 the current. */
enum Api {

	V3, V4;

	/** The {@code version} SciCat stamps on a dataset created through this API. */
	String version() {
		return name().substring(1);
	}

}
