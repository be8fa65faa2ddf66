package io.catalog.api.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;

/** A proposal's attachments, judged by the proposal and PROPOSAL_GROUPS rather than the attachment's groups. */
class ProposalAttachmentsTest extends CatalogTest {

	private static Map<String, Object> photo() {
		return new HashMap<>(Map.of("caption", "beamline layout", "thumbnail", "data:image/png;base64,iVBOR"));
	}

	void proposal(String id, String ownerGroup) {
		created("proposalIngestor", "/api/v3/proposals", ProposalControllerTest.proposal(id, ownerGroup));
	}

	@Test
	void anAttachmentKeepsTheGroupsItsBodyNamesElseTakesTheProposals() {
		proposal("p-1", "group1");
		var named = photo();
		named.put("ownerGroup", "facility");
		named.put("accessGroups", List.of("group3"));
		assertThat(created("proposalIngestor", "/api/v3/proposals/p-1/attachments", named))
			.containsEntry("ownerGroup", "facility").containsEntry("accessGroups", List.of("group3"))
			.containsEntry("proposalId", "p-1").containsKey("id");
		assertThat(created("admin", "/api/v3/proposals/p-1/attachments", photo())).containsEntry("ownerGroup", "group1");
		assertThat(getList("user1", "/api/v3/proposals/p-1/attachments")).hasSize(2);
	}

	@Test
	void onlyProposalGroupsAndAdminsAttachAndMembersRead() {
		proposal("p-1", "group1");
		post("user1", "/api/v3/proposals/p-1/attachments", photo()).expectStatus().isForbidden();
		post(null, "/api/v3/proposals/p-1/attachments", photo()).expectStatus().isUnauthorized();
		post("proposalIngestor", "/api/v3/proposals/missing/attachments", photo()).expectStatus().isNotFound();
		created("proposalIngestor", "/api/v3/proposals/p-1/attachments", photo());
		assertThat(getList("user1", "/api/v3/proposals/p-1/attachments")).hasSize(1);
		as("user2").get().uri("/api/v3/proposals/p-1/attachments").exchange().expectStatus().isForbidden();
		as(null).get().uri("/api/v3/proposals/p-1/attachments").exchange().expectStatus().isForbidden();
	}

	@Test
	void proposalGroupsRemoveAttachmentsOfProposalsTheirGroupsOwn() {
		proposal("p-1", "proposalingestor");
		proposal("p-2", "group1");
		var own = created("proposalIngestor", "/api/v3/proposals/p-1/attachments", photo()).get("id");
		var foreign = created("proposalIngestor", "/api/v3/proposals/p-2/attachments", photo()).get("id");
		as("proposalIngestor").delete().uri("/api/v3/proposals/p-2/attachments/{a}", foreign).exchange()
			.expectStatus().isForbidden();
		as("user1").delete().uri("/api/v3/proposals/p-2/attachments/{a}", foreign).exchange().expectStatus()
			.isForbidden();
		as("proposalIngestor").delete().uri("/api/v3/proposals/p-1/attachments/{a}", own).exchange().expectStatus()
			.isOk();
		as("admin").delete().uri("/api/v3/proposals/p-2/attachments/{a}", foreign).exchange().expectStatus().isOk();
	}

}
