package io.catalog.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** single-node: one replica of everything, catalog-api on its embedded store, no MongoDB and no S3. */
class SingleNodeOverlayTest {

	private Rendered rendered;

	@BeforeEach
	void render() {
		rendered = Overlays.named("single-node");
	}

	@Test
	void runsOneReplicaOfEverything() {
		for (var workload : rendered.workloads()) {
			assertThat(workload.path("spec").path("replicas").asInt(1)).as(Rendered.id(workload)).isEqualTo(1);
		}
		assertThat(Kafkas.brokers(rendered)).isEqualTo(1);
		assertThat(Kafkas.controllers(rendered)).isEqualTo(1);
		assertThat(rendered.ofKind("HorizontalPodAutoscaler")).isEmpty();
		assertThat(rendered.ofKind("MongoDBCommunity")).isEmpty();
	}

	@Test
	void catalogApiKeepsItsEmbeddedStoreOnAVolumeWithOneWriter() {
		var deployment = rendered.get("Deployment", "catalog-api");
		var container = Containers.main(rendered, "Deployment", "catalog-api");
		assertThat(Containers.envEntry(container, "MONGODB_URI")).isEmpty();
		var dataDir = Containers.env(container, "CATALOG_DATA_DIR").orElseThrow();
		var mount = Containers.mountOf(container, dataDir).orElseThrow();
		var claim = HouseRulesTest.volume(deployment, mount.path("name").asText()).path("persistentVolumeClaim");
		assertThat(rendered.find("PersistentVolumeClaim", claim.path("claimName").asText())).isPresent();
		assertThat(deployment.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
	}

	@Test
	void theArchiveConnectorStoresIntoAFolderOnAVolume() {
		var container = Containers.main(rendered, "StatefulSet", "archive-connector");
		assertThat(Containers.env(container, "ARCHIVE_STORAGE")).contains("folder");
		var folder = Containers.env(container, "ARCHIVE_FOLDER").orElseThrow();
		var mount = Containers.mountOf(container, folder).orElseThrow();
		var volume = HouseRulesTest.volume(rendered.get("StatefulSet", "archive-connector"), mount.path("name").asText());
		assertThat(rendered.find("PersistentVolumeClaim", volume.path("persistentVolumeClaim").path("claimName").asText()))
			.isPresent();
		assertThat(Secrets.referenced(rendered)).doesNotContainKey("catalog-archive-s3");
	}

	@Test
	void kafkaReplicatesOnlyAsFarAsItsOneBroker() {
		var config = rendered.get("Kafka", "catalog-kafka").path("spec").path("kafka").path("config");
		assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(1);
		assertThat(config.path("default.replication.factor").asInt()).isEqualTo(1);
	}

}
