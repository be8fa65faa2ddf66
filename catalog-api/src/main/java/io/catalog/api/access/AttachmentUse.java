package io.catalog.api.access;

/** What is done with an attachment of a sample or a proposal, judged by {@link AccessPolicy#checkParentAttachment}. */
public enum AttachmentUse {

	CREATE, READ, UPDATE, DELETE

}
