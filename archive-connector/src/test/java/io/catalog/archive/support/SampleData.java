package io.catalog.archive.support;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.catalog.sdk.CatalogClient;
import io.catalog.sdk.invoker.ApiClient;
import io.catalog.sdk.model.CreateDatasetOrigDatablock;
import io.catalog.sdk.model.CreateDatasetRequest;
import io.catalog.sdk.model.CreateRawDataset;
import io.catalog.sdk.model.DataFile;

/**
 * Datasets for the tests: a folder of files of random content and sizes (in subfolders, one larger than the others),
 * catalogued as a raw dataset of group1 with its file list (with SHA-256 checksums, or none).
 */
public final class SampleData {

	private static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

	private SampleData() {
	}

	/**
	 * A catalogued dataset and what its files hold.
	 *
	 * @param pid its pid
	 * @param folder its sourceFolder
	 * @param sha256 each file's SHA-256 by relative path
	 */
	public record Sample(String pid, Path folder, Map<String, String> sha256) {
	}

	/** Writes {@code files} files under {@code folder} and catalogues them. */
	public static Sample create(CatalogClient officer, Path folder, String name, int files, long seed, boolean checksums)
			throws IOException {
		return create(officer, "group1", folder, name, files, seed, checksums);
	}

	/** Writes {@code files} files under {@code folder} and catalogues them for {@code ownerGroup}. */
	public static Sample create(CatalogClient client, String ownerGroup, Path folder, String name, int files, long seed,
			boolean checksums) throws IOException {
		var officer = client;
		var random = new Random(seed);
		var sha = new TreeMap<String, String>();
		var list = new ArrayList<DataFile>();
		var buffer = new byte[64 * 1024];
		for (int i = 0; i < files; i++) {
			var path = "scan_%02d/frame_%05d.dat".formatted(i % 7, i);
			long size = i == 3 ? 3 * 1024 * 1024 + 17 : random.nextInt(40 * 1024);
			var file = folder.resolve(path);
			Files.createDirectories(file.getParent());
			var digest = sha256();
			try (OutputStream out = Files.newOutputStream(file)) {
				for (long left = size; left > 0;) {
					int n = (int) Math.min(buffer.length, left);
					random.nextBytes(buffer);
					out.write(buffer, 0, n);
					digest.update(buffer, 0, n);
					left -= n;
				}
			}
			var chk = HexFormat.of().formatHex(digest.digest());
			sha.put(path, chk);
			var entry = new DataFile().path(path).size(BigDecimal.valueOf(size)).time(OffsetDateTime.now());
			list.add(checksums ? entry.chk(chk) : entry);
		}
		var body = JSON.createObjectNode().put("type", "raw").put("datasetName", name).put("ownerGroup", ownerGroup)
			.put("owner", "Ada Lovelace").put("contactEmail", "ada@facility.example")
			.put("principalInvestigator", "Ada Lovelace").put("sourceFolder", folder.toAbsolutePath().toString())
			.put("creationTime", "2026-11-22T10:00:00Z").put("creationLocation", "/Facility/Beamline");
		var request = new CreateDatasetRequest(JSON.treeToValue(body, CreateRawDataset.class));
		var dataset = officer.await(() -> officer.datasets().createDataset(request));
		long total = list.stream().mapToLong(file -> file.getSize().longValue()).sum();
		var block = new CreateDatasetOrigDatablock().dataFileList(list).size(BigDecimal.valueOf(total));
		if (checksums) {
			block.chkAlg("sha256");
		}
		officer.await(() -> officer.datasets().createDatasetOrigDatablock(dataset.getPid(), block));
		return new Sample(dataset.getPid(), folder, sha);
	}

	/** Catalogues a dataset of {@code ownerGroup} without files (as {@code client}, who may create it); its pid. */
	public static String catalogue(CatalogClient client, String ownerGroup, String name) throws IOException {
		var body = JSON.createObjectNode().put("type", "raw").put("datasetName", name).put("ownerGroup", ownerGroup)
			.put("owner", "Ada Lovelace").put("contactEmail", "ada@facility.example")
			.put("principalInvestigator", "Ada Lovelace").put("sourceFolder", "/nowhere/" + name)
			.put("creationTime", "2026-11-22T10:00:00Z").put("creationLocation", "/Facility/Beamline");
		var request = new CreateDatasetRequest(JSON.treeToValue(body, CreateRawDataset.class));
		return client.await(() -> client.datasets().createDataset(request)).getPid();
	}

	/** The SHA-256 of every file under {@code folder}, by relative path. */
	public static Map<String, String> sha256Of(Path folder) throws IOException {
		var found = new TreeMap<String, String>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (var file : files.filter(Files::isRegularFile).toList()) {
				var digest = sha256();
				digest.update(Files.readAllBytes(file));
				found.put(folder.relativize(file).toString().replace('\\', '/'), HexFormat.of().formatHex(digest.digest()));
			}
		}
		return found;
	}

	/** Deletes a folder and everything in it. */
	public static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (var path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(path);
			}
		}
	}

	/** Lists a folder's regular files, relative, sorted. */
	public static List<String> files(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).map(path -> folder.relativize(path).toString()).sorted().toList();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
