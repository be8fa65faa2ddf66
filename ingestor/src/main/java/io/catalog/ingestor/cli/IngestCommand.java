package io.catalog.ingestor.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.catalog.ingestor.Catalogs;
import io.catalog.ingestor.run.CatalogUnavailableException;
import io.catalog.ingestor.run.FolderWalker;
import io.catalog.ingestor.run.InvalidRunException;
import io.catalog.ingestor.run.NexusReader;
import io.catalog.ingestor.run.Outcome;
import io.catalog.ingestor.run.RunIngestion;
import io.catalog.ingestor.run.RunReader;

/**
 * {@code ingest <metadata-file> [--folder DIR] [--dry-run|--ingest]}: catalogs one run from a beamline shell, with
 * a progress bar and a summary; a dry run (the default) writes nothing. Reads the ingestor's environment variables.
 * Exit codes: 0 done, 1 refused or failed, 2 wrong usage.
 */
public final class IngestCommand {

	static final String USAGE = "usage: ingest <metadata-file> [--folder DIR] [--dry-run|--ingest]";

	private IngestCommand() {
	}

	/** Runs the command; answers the exit code. */
	public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		Path metadata = null;
		Path folder = null;
		boolean dryRun = true;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--dry-run" -> dryRun = true;
				case "--ingest" -> dryRun = false;
				case "--folder" -> {
					if (++i == args.length) {
						err.println(USAGE);
						return 2;
					}
					folder = Path.of(args[i]);
				}
				default -> {
					if (args[i].startsWith("--") || metadata != null) {
						err.println(USAGE);
						return 2;
					}
					metadata = Path.of(args[i]);
				}
			}
		}
		if (metadata == null) {
			err.println(USAGE);
			return 2;
		}
		try {
			var outcome = ingest(metadata, folder, dryRun, env, err);
			summary(outcome, out);
			return 0;
		}
		catch (InvalidRunException | CatalogUnavailableException | IllegalArgumentException ex) {
			err.println();
			err.println("FAILED: " + ex.getMessage());
			return 1;
		}
	}

	private static Outcome ingest(Path metadata, Path folder, boolean dryRun, Map<String, String> env,
			PrintStream err) {
		byte[] document;
		try {
			document = Files.readAllBytes(metadata);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("cannot read " + metadata + ": " + ex.getMessage(), ex);
		}
		var run = new RunReader(env.get("INGESTOR_PID_PREFIX"))
			.read(document, metadata.toAbsolutePath().getParent());
		if (folder != null) {
			run = RunReader.withFolder(run, folder);
		}
		var url = env.get("CATALOG_URL");
		Catalogs catalogs = null;
		if (url != null && !url.isBlank()) {
			catalogs = Catalogs.connect(url, env.get("CATALOG_TOKEN"), env.get("CATALOG_USERNAME"),
					env.get("CATALOG_PASSWORD"));
		}
		else if (!dryRun) {
			throw new IllegalArgumentException("--ingest needs CATALOG_URL (and CATALOG_TOKEN or CATALOG_USERNAME)");
		}
		var perBlock = env.getOrDefault("INGESTOR_FILES_PER_BLOCK", "20000");
		var ingestion = new RunIngestion(catalogs == null ? null : catalogs.client(),
				catalogs == null ? () -> {
				} : catalogs.signIn(), new FolderWalker(env.get("INGESTOR_CHECKSUM")),
				NexusReader.of(env.get("INGESTOR_NEXUS_MAPPING")), Integer.parseInt(perBlock),
				Boolean.parseBoolean(env.get("INGESTOR_ARCHIVABLE_ON_CREATE")));
		return ingestion.ingest(run, dryRun, new ProgressBar(err));
	}

	private static void summary(Outcome outcome, PrintStream out) {
		out.println();
		if (outcome.dryRun()) {
			out.println("DRY RUN: nothing was written; add --ingest to catalog the run");
		}
		out.println("pid:     " + outcome.pid());
		out.println("dataset: " + (outcome.dryRun() ? "would be created" : outcome.created() ? "created"
				: "already catalogued (same run)"));
		out.println("files:   " + outcome.files() + " (" + outcome.bytes() + " bytes)");
		out.println("blocks:  " + outcome.blocksPosted() + " posted");
	}

}
