package io.catalog.api.access;

/** The kinds of document the access rules speak of. */
public enum Resource {
	DATASET, ORIG_DATABLOCK, DATABLOCK, SAMPLE, PROPOSAL, INSTRUMENT, ATTACHMENT, POLICY, PUBLISHED_DATA
}
