/** Attachments (thumbnails with captions) of datasets, samples and proposals. */
package io.catalog.api.attachment;
