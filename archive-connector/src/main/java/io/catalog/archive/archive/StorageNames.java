package io.catalog.archive.archive;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a job keeps a dataset's blocks: {@code <pid, URL-encoded>/<job id>/}. Deterministic, so a resumed job finds
 * and replaces what it wrote before, and never touches another job's or dataset's blocks.
 */
public final class StorageNames {

	private StorageNames() {
	}

	public static String prefix(String pid, String jobId) {
		return encode(pid) + "/" + encode(jobId) + "/";
	}

	/** A value as one safe path part: URL-encoded, never {@code .} or {@code ..}. */
	public static String encode(String value) {
		var encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("*", "%2A").replace("+", "%20");
		return encoded.startsWith(".") ? "%2E" + encoded.substring(1) : encoded;
	}

}
