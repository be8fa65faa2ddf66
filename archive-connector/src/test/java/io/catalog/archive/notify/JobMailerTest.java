package io.catalog.archive.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.catalog.archive.support.CatalogServer;
import io.catalog.archive.support.Connectors;
import io.catalog.archive.support.SampleData;
import io.catalog.archive.support.TestJobs;
import io.catalog.sdk.Filter;
import io.catalog.sdk.model.UpdatePolicy;
import io.catalog.testsupport.CatalogProcess;
import jakarta.mail.internet.MimeMessage;

/** The end of an archive job mailed, over real SMTP (GreenMail), to whom the group's policy names. */
@SuppressWarnings("try")
class JobMailerTest {

	@TempDir
	Path temp;

	@Test
	void anArchiveJobsEndIsMailedToThePolicysAddressesAndTheJobsContact() throws Exception {
		var smtp = new GreenMail(new ServerSetup(CatalogProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try {
			var catalog = CatalogServer.get();
			var officer = catalog.officer();
			var sample = SampleData.create(officer, temp.resolve("source"), "mailed", 3, 5, true);
			var admin = catalog.admin();
			var policy = admin.await(() -> admin.policies()
				.listPolicies(Filter.where("ownerGroup", "group1").toJson())).get(0);
			admin.await(() -> admin.policies().updatePolicy(policy.getId(), new UpdatePolicy()
				.archiveEmailNotification(true).archiveEmailsToBeNotified(List.of("curator@facility.example"))));
			var settings = Connectors.settings(catalog, temp.resolve("archive"));
			settings.put("SMTP_HOST", "127.0.0.1");
			settings.put("SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
			settings.put("EMAIL_FROM", "archive@facility.example");
			try (var connector = Connectors.start(settings)) {
				var jobId = TestJobs.create(officer, "archive", TestJobs.datasets(sample.pid()));
				TestJobs.finish(officer, jobId, "finishedSuccessful");
				Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
				List<MimeMessage> mails = Arrays.asList(smtp.getReceivedMessages());
				assertThat(mails).allSatisfy(mail -> assertThat(mail.getSubject())
					.isEqualTo("archive job " + jobId + ": finishedSuccessful"));
				assertThat(mails.stream().flatMap(mail -> {
					try {
						return Arrays.stream(mail.getAllRecipients()).map(String::valueOf);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}).distinct()).containsExactlyInAnyOrder("curator@facility.example", "officer@localhost");
				assertThat(String.valueOf(mails.get(0).getContent())).contains(sample.pid() + ": datasetOnArchiveDisk");
			}
		}
		finally {
			smtp.stop();
		}
	}

}
