package io.catalog.launcher.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.catalog.launcher.catalog.Catalog;
import io.catalog.sdk.model.CreateDatasetOrigDatablock;
import io.catalog.sdk.model.CreateDerivedDataset;
import io.catalog.sdk.model.DataFile;
import io.catalog.sdk.model.Dataset;

/**
 * Catalogues a successful run's output folder as a derived dataset, in one request with its file list (each file
 * with size, time and SHA-256): {@code inputDatasets} (lineage one way; the other way is a query on it),
 * {@code usedSoftware} (the tool as {@code name@version}, and its image with digest), {@code jobParameters} (job,
 * tool, back-end, every value), {@code jobLogData} (the end of the run's log), owned by the job's owner group. Its
 * contact is the job's, else (when that is no email the catalog takes) its first input dataset's.
 */
public final class DerivedDatasets {

	/** An address the catalog takes as an email (a dot in the domain); a job's contact may be an account's local one. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Catalog catalog;

	public DerivedDatasets(Catalog catalog) {
		this.catalog = catalog;
	}

	/** Creates the derived dataset and answers it; the first input dataset gives the texts the job does not. */
	public Dataset create(Derivation run, Dataset firstInput) {
		var files = files(run.output());
		var owner = run.owner() != null ? run.owner() : firstInput.getOwner();
		var contact = run.contactEmail() != null && EMAIL.matcher(run.contactEmail()).matches() ? run.contactEmail()
				: firstInput.getContactEmail();
		var parameters = new LinkedHashMap<String, Object>();
		parameters.put("jobId", run.jobId());
		parameters.put("tool", run.tool().name());
		parameters.put("toolVersion", run.tool().version());
		if (run.tool().image() != null) {
			parameters.put("image", run.tool().image());
		}
		if (run.tool().imageDigest() != null) {
			parameters.put("imageDigest", run.tool().imageDigest());
		}
		parameters.put("backend", run.backend());
		parameters.put("exitCode", run.exitCode());
		parameters.put("parameters", run.values());
		var dataset = new CreateDerivedDataset().type("derived")
			.datasetName(run.tool().title() + " of " + name(firstInput))
			.description("Made by tool " + run.tool().name() + "@" + run.tool().version() + " in job " + run.jobId())
			.ownerGroup(run.ownerGroup()).accessGroups(run.accessGroups())
			.owner(owner == null ? run.ownerGroup() : owner).investigator(owner == null ? run.ownerGroup() : owner)
			.contactEmail(contact == null ? "" : contact).creationTime(OffsetDateTime.now(ZoneOffset.UTC))
			.inputDatasets(run.inputs()).usedSoftware(run.tool().software()).jobParameters(parameters)
			.jobLogData(run.log()).sourceFolder(run.output().toString()).keywords(List.of("analysis", run.tool().name()));
		if (!files.isEmpty()) {
			dataset.origdatablocks(List.of(new CreateDatasetOrigDatablock().chkAlg("sha256").dataFileList(files)
				.ownerGroup(run.ownerGroup()).accessGroups(run.accessGroups())));
		}
		return catalog.createDerived(dataset);
	}

	private static String name(Dataset dataset) {
		return dataset.getDatasetName() == null || dataset.getDatasetName().isBlank() ? dataset.getPid()
				: dataset.getDatasetName();
	}

	/** Every regular file under {@code folder}, by path relative to it, in name order. */
	static List<DataFile> files(Path folder) {
		var files = new ArrayList<DataFile>();
		try (Stream<Path> walk = Files.walk(folder)) {
			for (var file : walk.filter(Files::isRegularFile).sorted().toList()) {
				var attributes = Files.readAttributes(file, BasicFileAttributes.class);
				files.add(new DataFile().path(folder.relativize(file).toString())
					.size(BigDecimal.valueOf(attributes.size()))
					.time(OffsetDateTime.ofInstant(attributes.lastModifiedTime().toInstant(), ZoneOffset.UTC))
					.chk(sha256(file)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the outputs in " + folder, ex);
		}
		return files;
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			var digest = MessageDigest.getInstance("SHA-256");
			var buffer = new byte[64 * 1024];
			for (int read; (read = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JDK has no SHA-256", ex);
		}
	}

}
