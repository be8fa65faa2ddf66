package io.catalog.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

class AttachmentControllerTest extends CatalogTest {

	static final Map<String, Object> THUMBNAIL = Map.of("caption", "sinogram", "thumbnail", "data:image/png;base64,iVBOR");

	String dataset() {
		return (String) created("user1", "/api/v3/datasets", Requests.rawDataset("group1")).get("pid");
	}

	@Test
	void datasetAttachmentTakesItsOwnerFromTheDataset() {
		var pid = dataset();
		var attachment = created("user1", "/api/v3/datasets/{pid}/attachments", THUMBNAIL, pid);
		assertThat(attachment).containsEntry("datasetId", pid).containsEntry("ownerGroup", "group1")
			.containsKey("id");
		assertThat(getList("user1", "/api/v3/datasets/{pid}/attachments", pid)).hasSize(1);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}/thumbnail", pid))
			.containsEntry("thumbnail", "data:image/png;base64,iVBOR");
	}

	@Test
	void aDatasetsAttachmentsAreCountedAndDeletedTogetherByThoseWhoMay() {
		var pid = dataset();
		created("user1", "/api/v3/datasets/{pid}/attachments", THUMBNAIL, pid);
		created("user1", "/api/v3/datasets/{pid}/attachments", THUMBNAIL, pid);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}/attachments/count", pid)).containsEntry("count", 2);
		as("user4").delete().uri("/api/v3/datasets/{pid}/attachments", pid).exchange().expectStatus().isForbidden();
		as("admin").delete().uri("/api/v3/datasets/{pid}/attachments", pid).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.count").isEqualTo(2);
		assertThat(getObject("user1", "/api/v3/datasets/{pid}/attachments/count", pid)).containsEntry("count", 0);
	}

	@Test
	void othersCanNeitherReadNorAttach() {
		var pid = dataset();
		created("user1", "/api/v3/datasets/{pid}/attachments", THUMBNAIL, pid);
		as("user2").get().uri("/api/v3/datasets/{pid}/attachments", pid).exchange().expectStatus().isForbidden();
		post("user2", "/api/v3/datasets/{pid}/attachments", THUMBNAIL, pid).expectStatus().isForbidden();
		post(null, "/api/v3/datasets/{pid}/attachments", THUMBNAIL, pid).expectStatus().isForbidden();
		assertThat(getList("user2", "/api/v3/attachments")).isEmpty();
	}

	@Test
	void captionIsRequired() {
		var pid = dataset();
		post("user1", "/api/v3/datasets/{pid}/attachments", Map.of("thumbnail", "data:x"), pid)
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("caption");
	}

	@Test
	void standaloneAttachmentNeedsOwnGroupOrPrivilege() {
		var body = Map.of("caption", "c", "ownerGroup", "group2");
		post("user1", "/api/v3/attachments", body).expectStatus().isForbidden();
		assertThat(created("user2", "/api/v3/attachments", body)).containsEntry("ownerGroup", "group2");
		assertThat(created("ingestor", "/api/v3/attachments", body)).containsEntry("createdBy", "ingestor");
	}

	@Test
	void ownerChangesCaptionAndCannotMoveIt() {
		var pid = dataset();
		var id = created("user1", "/api/v3/datasets/{pid}/attachments", THUMBNAIL, pid).get("id");
		as("user1").put().uri("/api/v3/datasets/{pid}/attachments/{id}", pid, id)
			.bodyValue(Map.of("caption", "better")).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.caption").isEqualTo("better");
		patch("user1", "/api/v3/attachments/{id}", Map.of("datasetId", "elsewhere"), id).expectStatus().isBadRequest();
		patch("user2", "/api/v3/attachments/{id}", Map.of("caption", "x"), id).expectStatus().isForbidden();
		as("user1").delete().uri("/api/v3/datasets/{pid}/attachments/{id}", pid, id).exchange().expectStatus().isOk();
		assertThat(getList("user1", "/api/v3/datasets/{pid}/attachments", pid)).isEmpty();
	}

	@Test
	void samplesAndProposalsHoldAttachmentsToo() {
		var sampleId = created("user1", "/api/v3/samples", Map.of("ownerGroup", "group1", "description", "powder"))
			.get("sampleId");
		assertThat(created("user1", "/api/v3/Samples/{id}/attachments", THUMBNAIL, sampleId))
			.containsEntry("sampleId", sampleId).containsEntry("ownerGroup", "group1");
		assertThat(getList("user1", "/api/v3/samples/{id}/attachments", sampleId)).hasSize(1);
		as("user2").get().uri("/api/v3/samples/{id}/attachments", sampleId).exchange().expectStatus().isForbidden();
		created("proposalIngestor", "/api/v3/proposals", Map.of("proposalId", "20170266", "email", "pi@facility.test",
				"title", "Proposal", "ownerGroup", "group1"));
		assertThat(created("proposalIngestor", "/api/v3/proposals/{id}/attachments", THUMBNAIL, "20170266"))
			.containsEntry("proposalId", "20170266");
	}

}
