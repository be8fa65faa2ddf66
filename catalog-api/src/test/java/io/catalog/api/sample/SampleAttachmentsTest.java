package io.catalog.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.catalog.api.support.CatalogTest;

/** A sample's attachments, judged by the sample and SciCat's sample group lists rather than the attachment's groups. */
class SampleAttachmentsTest extends CatalogTest {

	private static final Map<String, Object> PHOTO = Map.of("caption", "under the microscope", "thumbnail",
			"data:image/png;base64,iVBOR");

	String sample(String ownerGroup, boolean published) {
		var body = SampleControllerTest.sample(ownerGroup);
		body.put("accessGroups", List.of("group2"));
		body.put("isPublished", published);
		return (String) created("admin", "/api/v3/samples", body).get("sampleId");
	}

	@Test
	void anAttachmentTakesTheSamplesGroupsWhateverItsBodySays() {
		var id = sample("group1", false);
		var body = new java.util.HashMap<String, Object>(PHOTO);
		body.put("ownerGroup", "group4");
		var attachment = created("user1", "/api/v3/samples/{id}/attachments", body, id);
		assertThat(attachment).containsEntry("sampleId", id).containsEntry("ownerGroup", "group1")
			.containsEntry("accessGroups", List.of("group2")).containsKey("id").containsEntry("createdBy", "user1");
		assertThat(getList("user2", "/api/v3/samples/{id}/attachments/", id)).singleElement()
			.satisfies(a -> assertThat(a).containsEntry("caption", "under the microscope"));
		assertThat(getObject("user2", "/api/v3/samples/{id}/attachments/{a}", id, attachment.get("id")))
			.containsEntry("sampleId", id);
	}

	@Test
	void writersAreTheSampleGroupsForTheirOwnSamplesAndThePrivilegedForAny() {
		var id = sample("group1", false);
		post(null, "/api/v3/samples/{id}/attachments", PHOTO, id).expectStatus().isUnauthorized();
		post("user2", "/api/v3/samples/{id}/attachments", PHOTO, id).expectStatus().isForbidden();
		post("archiveManager", "/api/v3/samples/{id}/attachments", PHOTO, id).expectStatus().isForbidden();
		created("sampleIngestor", "/api/v3/samples/{id}/attachments", PHOTO, id);
		var foreign = sample("group4", false);
		post("user1", "/api/v3/samples/{id}/attachments", PHOTO, foreign).expectStatus().isForbidden();
		post("user1", "/api/v3/samples/{id}/attachments", PHOTO, "missing").expectStatus().isNotFound();
	}

	@Test
	void readersAreThoseWhoMayReadTheSample() {
		var hidden = sample("group1", false);
		created("user1", "/api/v3/samples/{id}/attachments", PHOTO, hidden);
		as(null).get().uri("/api/v3/samples/{id}/attachments", hidden).exchange().expectStatus().isForbidden();
		as("user4").get().uri("/api/v3/samples/{id}/attachments", hidden).exchange().expectStatus().isForbidden();
		as("sampleIngestor").get().uri("/api/v3/samples/{id}/attachments", hidden).exchange().expectStatus()
			.isForbidden();
		var open = sample("group1", true);
		created("user1", "/api/v3/samples/{id}/attachments", PHOTO, open);
		assertThat(getList(null, "/api/v3/samples/{id}/attachments", open)).hasSize(1);
	}

	@Test
	void deletersAreTheDeleteGroupsAndTheOwnersWhoWriteSamples() {
		var id = sample("group1", false);
		var first = created("user1", "/api/v3/samples/{id}/attachments", PHOTO, id).get("id");
		var second = created("user1", "/api/v3/samples/{id}/attachments", PHOTO, id).get("id");
		as(null).delete().uri("/api/v3/samples/{id}/attachments/{a}", id, first).exchange().expectStatus()
			.isUnauthorized();
		as("user2").delete().uri("/api/v3/samples/{id}/attachments/{a}", id, first).exchange().expectStatus()
			.isForbidden();
		as("sampleIngestor").delete().uri("/api/v3/samples/{id}/attachments/{a}", id, first).exchange().expectStatus()
			.isForbidden();
		as("user1").delete().uri("/api/v3/samples/{id}/attachments/{a}", id, first).exchange().expectStatus().isOk();
		as("archiveManager").delete().uri("/api/v3/samples/{id}/attachments/{a}", id, second).exchange()
			.expectStatus().isOk();
		as("archiveManager").delete().uri("/api/v3/samples/{id}/attachments/{a}", id, second).exchange()
			.expectStatus().isNotFound();
		assertThat(getList("admin", "/api/v3/samples/{id}/attachments", id)).isEmpty();
	}

	@Test
	void anAttachmentIsReachedOnlyUnderItsOwnSample() {
		var id = sample("group1", false);
		var other = sample("group1", false);
		var attachment = created("user1", "/api/v3/samples/{id}/attachments", PHOTO, id).get("id");
		as("user1").get().uri("/api/v3/samples/{id}/attachments/{a}", other, attachment).exchange().expectStatus()
			.isNotFound();
		as("user1").delete().uri("/api/v3/samples/{id}/attachments/{a}", other, attachment).exchange()
			.expectStatus().isNotFound();
		patch("user1", "/api/v3/samples/{id}/attachments/{a}", Map.of("caption", "moved"), other, attachment)
			.expectStatus().isNotFound();
		patch("user1", "/api/v3/samples/{id}/attachments/{a}", Map.of("caption", "sharper"), id, attachment)
			.expectStatus().isOk().expectBody().jsonPath("$.caption").isEqualTo("sharper");
	}

}
