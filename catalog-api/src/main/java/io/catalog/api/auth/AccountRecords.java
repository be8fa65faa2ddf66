package io.catalog.api.auth;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import io.catalog.api.user.UserDirectory;

/**
 * Records every functional account in the user directory at start-up, as SciCat does, so that admins see their
 * identities and groups before they first sign in.
 */
@Component
class AccountRecords implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AccountRecords.class);

	private final Accounts accounts;

	private final UserDirectory directory;

	AccountRecords(Accounts accounts, UserDirectory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	@Override
	public void run(ApplicationArguments args) {
		var callers = accounts.callers();
		Flux.fromIterable(callers).concatMap(caller -> directory.record(caller, UserDirectory.LOCAL))
			.then()
			.block(Duration.ofMinutes(1));
		log.info("{} functional accounts recorded in the user directory", callers.size());
	}

}
