package io.catalog.api.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import io.catalog.api.support.CatalogTest;
import io.catalog.api.support.Requests;

/**
 * {@code POST /attachments} (v3 and v4) is no wider than the nested routes: what an attachment names (v3
 * {@code datasetId}, v4 {@code relationships}) must be the caller's to attach to, and a v3 parent must exist.
 */
class AttachmentTargetsTest extends CatalogTest {

	private String dataset(String username, String group) {
		return (String) created(username, "/api/v3/datasets", Requests.rawDataset(group)).get("pid");
	}

	@Test
	void anotherGroupsDatasetIsRefusedAndShowsNothing() {
		var pid = dataset("user1", "group1");
		post("user2", "/api/v3/attachments", Map.of("caption", "mine now", "datasetId", pid, "ownerGroup", "group2"))
			.expectStatus().isForbidden();
		post("user2", "/api/v3/attachments", Map.of("caption", "mine now", "datasetId", pid)).expectStatus().isForbidden();
		assertThat(getList("user1", "/api/v3/datasets/{pid}/attachments", pid)).isEmpty();
	}

	@Test
	void aDatasetThatDoesNotExistIsNamedAsTheFieldAtFault() {
		post("user1", "/api/v3/attachments", Map.of("caption", "c", "datasetId", "nope", "ownerGroup", "group1"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("datasetId");
		post("user1", "/api/v3/attachments", Map.of("caption", "c", "sampleId", "nope", "ownerGroup", "group1"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sampleId");
		assertThat(getList("admin", "/api/v3/attachments")).isEmpty();
	}

	@Test
	void anAttachmentToTheCallersOwnDatasetBelongsToItsGroup() {
		var pid = dataset("user1", "group1");
		assertThat(created("user1", "/api/v3/attachments", Map.of("caption", "c", "datasetId", pid)))
			.containsEntry("ownerGroup", "group1").containsKey("id");
		post("user5", "/api/v3/attachments", Map.of("caption", "c", "datasetId", pid, "ownerGroup", "group4"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("ownerGroup");
		assertThat(getList("user1", "/api/v3/datasets/{pid}/attachments", pid)).hasSize(1);
	}

	@Test
	void v4RelationshipsAreCheckedAsParentsAre() {
		var pid = dataset("user1", "group1");
		var foreign = Map.of("caption", "c", "isPublished", false, "ownerGroup", "group2", "relationships",
				List.of(Map.of("targetId", pid, "targetType", "dataset")));
		post("user2", "/api/v4/attachments", foreign).expectStatus().isForbidden();
		var own = Map.of("caption", "c", "isPublished", false, "ownerGroup", "group1", "relationships",
				List.of(Map.of("targetId", pid, "targetType", "dataset")));
		assertThat(created("user1", "/api/v4/attachments", own)).containsKey("aid");
		var id = created("user1", "/api/v4/attachments", Map.of("caption", "c", "isPublished", false, "ownerGroup", "group1"))
			.get("aid");
		patch("user1", "/api/v4/attachments/{aid}", Map.of("relationships", List.of(Map.of("targetId", pid,
				"targetType", "dataset", "relationType", "is attached to"))), id).expectStatus().isOk();
		var another = dataset("user2", "group2");
		patch("user1", "/api/v4/attachments/{aid}", Map.of("relationships", List.of(Map.of("targetId", another,
				"targetType", "dataset"))), id).expectStatus().isForbidden();
	}

	@Test
	void aV4LinkMayNameAnIdTheCatalogDoesNotHoldAsSciCatAllowsButAV3ParentMustExist() {
		var dangling = Map.of("caption", "c", "isPublished", false, "ownerGroup", "group1", "relationships",
				List.of(Map.of("targetId", "elsewhere", "targetType", "sample")));
		assertThat(created("user1", "/api/v4/attachments", dangling)).containsKey("aid");
		post("user1", "/api/v3/attachments", Map.of("caption", "c", "sampleId", "elsewhere", "ownerGroup", "group1"))
			.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sampleId");
		// outside the caller's groups it is the attachment groups' refusal, before any target is looked up
		post("user1", "/api/v4/attachments", Map.of("caption", "c", "isPublished", false, "ownerGroup", "group2",
				"relationships", List.of(Map.of("targetId", "elsewhere", "targetType", "sample"))))
			.expectStatus().isForbidden();
	}

	@Test
	void thePrivilegedGroupCreatesForAnyGroupButChangesOnlyItsOwn() {
		var aid = created("ingestor", "/api/v4/attachments", Map.of("caption", "c", "isPublished", false,
				"ownerGroup", "group1", "relationships", List.of(Map.of("targetId", "elsewhere", "targetType", "dataset"))))
			.get("aid");
		patch("ingestor", "/api/v4/attachments/{aid}", Map.of("caption", "changed"), aid).expectStatus().isForbidden();
		as("ingestor").delete().uri("/api/v4/attachments/{aid}", aid).exchange().expectStatus().isForbidden();
		patch("user1", "/api/v4/attachments/{aid}", Map.of("caption", "changed"), aid).expectStatus().isOk();
		as("user1").delete().uri("/api/v4/attachments/{aid}", aid).exchange().expectStatus().isOk();
	}

	@Test
	void anAdministratorMayNameTargetsTheCatalogDoesNotHold() {
		var attachment = Map.of("caption", "c", "isPublished", true, "ownerGroup", "ess", "aid", "fixed-aid",
				"relationships", List.of(Map.of("targetId", "elsewhere-1", "targetType", "dataset")));
		assertThat(created("admin", "/api/v4/attachments", attachment)).containsEntry("aid", "fixed-aid");
	}

	@Test
	void v4SpeaksSciCatsShapes() {
		var body = Map.of("caption", "c", "isPublished", true, "ownerGroup", "group1", "relationships",
				List.of(Map.of("targetId", "elsewhere-2", "targetType", "sample")));
		post(null, "/api/v4/attachments/isValid", body).expectStatus().isForbidden();
		as("admin").post().uri("/api/v4/attachments/isValid").bodyValue(body).exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.valid").isEqualTo(true);
		as("admin").post().uri("/api/v4/attachments/isValid")
			.bodyValue(Map.of("caption", "c", "isPublished", true, "ownerGroup", "group1", "relationships",
					List.of(Map.of("targetId", "x", "targetType", "wrong_type"))))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.valid").isEqualTo(false)
			.jsonPath("$.reason[0].field").isEqualTo("relationships[0].targetType");
		var aid = created("admin", "/api/v4/attachments", body).get("aid");
		as("admin").patch().uri("/api/v4/attachments/{aid}", aid).contentType(MediaType.valueOf("application/merge-patch+json"))
			.bodyValue(Map.of("relationships", List.of(Map.of("targetId", "elsewhere-3", "targetType", "sample"))))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.relationships[0].relationType").isEqualTo("is attached to")
			.jsonPath("$.caption").isEqualTo("c");
		as("admin").put().uri("/api/v4/attachments/{aid}", aid)
			.bodyValue(Map.of("caption", "whole", "isPublished", false, "ownerGroup", "group1")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.caption").isEqualTo("whole")
			.jsonPath("$.relationships").doesNotExist();
		assertThat(getObject("admin", "/api/v4/attachments/{aid}", aid)).containsEntry("aid", aid);
		as("admin").delete().uri("/api/v4/attachments/{aid}", aid).exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.aid").isEqualTo(aid);
	}

}
