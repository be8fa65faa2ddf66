package io.catalog.archive.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.catalog.archive.catalog.Catalog;
import io.catalog.worker.Retry;
import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;
import io.catalog.sdk.Filter;
import io.catalog.sdk.model.DatasetLifecycle;
import io.catalog.sdk.model.UpdatePolicy;

/** Auto-archiving by SciCat's policies against the real catalog, with two replicas scanning at once. */
class AutoArchiverTest {

	@Test
	void datasetsPastTheirGroupsDelayGetOneArchiveJobEachWhateverTheReplicas() throws Exception {
		var server = CatalogServer.get();
		var admin = server.admin();
		var group = "auto" + System.nanoTime();
		var pids = List.of(SampleData.catalogue(admin, group, "auto 1"), SampleData.catalogue(admin, group, "auto 2"));
		var policy = admin.await(() -> admin.policies().listPolicies(Filter.where("ownerGroup", group).toJson())).get(0);
		admin.await(() -> admin.policies().updatePolicy(policy.getId(),
				new UpdatePolicy().autoArchive(true).autoArchiveDelay(BigDecimal.valueOf(2))));
		var catalog = catalog(server);

		var tooEarly = new AutoArchiver(catalog, scheduler(server), Clock.offset(Clock.systemUTC(), Duration.ofDays(1))).scan();
		var later = Clock.offset(Clock.systemUTC(), Duration.ofDays(3));
		var first = CompletableFuture.supplyAsync(() -> new AutoArchiver(catalog(server), scheduler(server), later).scan());
		var second = CompletableFuture.supplyAsync(() -> new AutoArchiver(catalog(server), scheduler(server), later).scan());
		var jobs = new ArrayList<String>(first.get());
		jobs.addAll(second.get());
		var again = new AutoArchiver(catalog, scheduler(server), later).scan();

		try {
			assertThat(tooEarly).as("jobs of datasets not due yet").isEmpty();
			assertThat(jobs).hasSize(2);
			assertThat(again).as("a dataset already scheduled gets no second job").isEmpty();
			var archived = jobs.stream().map(id -> TestJobs.get(admin, id)).toList();
			assertThat(archived).extracting(job -> job.get("type")).containsOnly("archive");
			assertThat(archived).extracting(job -> ((List<?>) ((java.util.Map<?, ?>) job.get("jobParams"))
				.get("datasetList")).size()).containsOnly(1);
			for (var pid : pids) {
				assertThat(catalog.dataset(pid).getDatasetlifecycle().getArchiveStatusMessage())
					.isEqualTo(AutoArchiver.SCHEDULED);
			}
		}
		finally {
			jobs.forEach(id -> catalog.updateJob(id, "jobCancelled", "test over", null));
		}
	}

	@Test
	void ofTwoReplicasThatReadTheSameVersionOnlyTheFirstSchedulesTheDataset() throws Exception {
		var server = CatalogServer.get();
		var pid = SampleData.catalogue(server.admin(), "auto" + System.nanoTime(), "raced");
		var catalog = catalog(server);
		var read = catalog.dataset(pid).getUpdatedAt();
		var scheduled = new DatasetLifecycle().archiveStatusMessage(AutoArchiver.SCHEDULED);

		assertThat(catalog.lifecycleIfUnmodified(pid, scheduled, read)).isTrue();
		assertThat(catalog.lifecycleIfUnmodified(pid, scheduled, read)).isFalse();
	}

	private static Catalog scheduler(CatalogServer server) {
		return new Catalog(server.scheduler(), new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		}));
	}

	private static Catalog catalog(CatalogServer server) {
		return new Catalog(server.archiver(), new Retry(3, Duration.ofMillis(100), Duration.ofSeconds(1), () -> {
		}));
	}

}
