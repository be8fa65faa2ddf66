package io.catalog.api.proposal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How proposals are checked.
 *
 * @param typesFile SciCat's {@code proposalTypes.json} ({@code PROPOSAL_TYPES_FILE}): an object of names to the
 * proposal types a site allows beside {@code Default Proposal}; relative paths start in the working directory
 */
@ConfigurationProperties("catalog.proposal")
record ProposalProperties(String typesFile) {
}
