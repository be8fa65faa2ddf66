package io.catalog.archive.archive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import io.catalog.sdk.model.DataFile;
import io.catalog.sdk.model.OrigDatablock;

/**
 * A file as the dataset's file lists catalogue it.
 *
 * @param entry the file list entry (path relative to the dataset's {@code sourceFolder}, size, time, checksum)
 * @param chkAlg the JDK name of the algorithm of {@code entry.chk}, or {@code null} when none is catalogued or known
 */
public record SourceFile(DataFile entry, String chkAlg) {

	public String path() {
		return entry.getPath();
	}

	public long size() {
		return entry.getSize() == null ? 0 : entry.getSize().longValueExact();
	}

	/** The catalogued checksum, or {@code null}. */
	public String chk() {
		return chkAlg == null || entry.getChk() == null || entry.getChk().isBlank() ? null : entry.getChk();
	}

	/** Every file of the file lists once (the first entry of a path counts), sorted by path so packing is stable. */
	public static List<SourceFile> of(List<OrigDatablock> blocks) {
		var byPath = new LinkedHashMap<String, SourceFile>();
		for (var block : blocks) {
			var alg = Checksums.jdkName(block.getChkAlg());
			for (var file : block.getDataFileList()) {
				if (file.getPath() != null) {
					byPath.putIfAbsent(file.getPath(), new SourceFile(file, alg));
				}
			}
		}
		var files = new ArrayList<>(byPath.values());
		files.sort((a, b) -> a.path().compareTo(b.path()));
		return files;
	}

}
