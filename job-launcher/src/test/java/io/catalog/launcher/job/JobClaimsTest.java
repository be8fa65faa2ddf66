package io.catalog.launcher.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.launcher.support.CatalogServer;
import io.catalog.launcher.support.Launchers;
import io.catalog.launcher.support.SampleData;
import io.catalog.launcher.support.TestJobs;
import io.catalog.sdk.Filter;

/** Launcher replicas: each job claimed and run once, and none left {@code inProgress} when a launcher stops. */
@SuppressWarnings("try")
class JobClaimsTest {

	@TempDir
	Path dir;

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> history(Map<String, Object> job) {
		return (List<Map<String, Object>>) job.get("statusHistory");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> run(Map<String, Object> job) {
		return ((List<Map<String, Object>>) ((Map<String, Object>) job.get("jobResultObject")).get("runs")).get(0);
	}

	@Test
	void twoReplicasRunEachJobOnce() throws IOException {
		var catalog = CatalogServer.get();
		var scientist = catalog.scientist();
		var pid = SampleData.create(scientist, dir.resolve("data"), "claimed once", 2, null);
		try (var first = Launchers.start(Launchers.settings(catalog, dir.resolve("work-a")));
				var second = Launchers.start(Launchers.settings(catalog, dir.resolve("work-b")))) {
			var ids = new ArrayList<String>();
			for (int i = 0; i < 4; i++) {
				ids.add(TestJobs.create(scientist, "analysis", TestJobs.analysis("file-stats", Map.of(), false, pid)));
			}
			for (var id : ids) {
				var job = TestJobs.finish(scientist, id, "finishedSuccessful");
				// both replicas may write a claim; the first inProgress entry names the one that runs it
				assertThat(history(job)).filteredOn(entry -> String.valueOf(entry.get("statusMessage"))
					.startsWith("claimed by job launcher ")).hasSizeBetween(1, 2);
				assertThat(history(job)).filteredOn(entry -> "finishedSuccessful".equals(entry.get("statusCode"))).hasSize(1);
			}
			var derived = scientist.await(() -> scientist.datasets()
				.listDatasets(Filter.where("inputDatasets", Filter.inq(pid)).toJson()));
			assertThat(derived).hasSize(4);
		}
	}

	@Test
	void aLauncherThatStopsStopsItsRunAndEndsTheJob() throws IOException {
		var catalog = CatalogServer.get();
		var scientist = catalog.scientist();
		var pid = SampleData.create(scientist, dir.resolve("data"), "stopped", 1, null);
		String id;
		long process;
		try (var launcher = Launchers.start(Launchers.settings(catalog, dir.resolve("work")))) {
			id = TestJobs.create(scientist, "analysis", TestJobs.analysis("sleeper", Map.of(), false, pid));
			var running = TestJobs.await(scientist, id, job -> job.get("jobResultObject") instanceof Map<?, ?> result
					&& result.get("runs") instanceof List<?> runs && !runs.isEmpty(), Duration.ofSeconds(60));
			process = Long.parseLong((String) run(running).get("backendId"));
			assertThat(ProcessHandle.of(process)).isPresent();
		}
		var job = TestJobs.get(scientist, id);
		assertThat(job.get("statusCode")).isEqualTo("finishedUnsuccessful");
		assertThat(job.get("statusMessage"))
			.isEqualTo("Job failed: the launcher stopped while the job ran; submit it again");
		assertThat(ProcessHandle.of(process).filter(ProcessHandle::isAlive)).isEmpty();
	}

	@Test
	void aRestartedLauncherEndsTheJobsItHadClaimed() throws IOException {
		var catalog = CatalogServer.get();
		var scientist = catalog.scientist();
		var pid = SampleData.create(scientist, dir.resolve("data"), "lost", 1, null);
		var settings = Launchers.settings(catalog, dir.resolve("work"));
		var id = TestJobs.create(scientist, "analysis", TestJobs.analysis("sleeper", Map.of(), false, pid));
		TestJobs.update(catalog.client(CatalogServer.LAUNCHER, CatalogServer.LAUNCHER_PASSWORD), id, "inProgress",
				JobClaims.CLAIM_PREFIX + settings.get("LAUNCHER_ID"));
		try (var launcher = Launchers.start(settings)) {
			var job = TestJobs.finish(scientist, id, "finishedUnsuccessful");
			assertThat(job.get("statusMessage")).isEqualTo("Job failed: the launcher restarted while it ran; submit it again");
			assertThat(launcher.getBean(JobRunner.class).running()).doesNotContain(id);
		}
	}

}
