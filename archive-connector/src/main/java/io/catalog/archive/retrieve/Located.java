package io.catalog.archive.retrieve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.catalog.archive.archive.Checksums;
import io.catalog.sdk.model.Datablock;

/**
 * The files a retrieve asks for, each with the datablock that holds it (the first that lists it) and the checksum
 * recorded there; the blocks to read, in order; and the files asked for that no block lists.
 *
 * @param files the files to retrieve by path
 * @param blocks the blocks holding them
 * @param missing paths asked for that no datablock lists
 */
record Located(Map<String, File> files, List<Datablock> blocks, List<String> missing) {

	/**
	 * One file to retrieve.
	 *
	 * @param path its path relative to the dataset's folder
	 * @param size its size
	 * @param chk its checksum as recorded in the datablock
	 * @param algorithm the JDK name of the checksum's algorithm, or {@code null} when unknown
	 * @param block its datablock
	 */
	record File(String path, long size, String chk, String algorithm, Datablock block) {
	}

	/** The files of {@code datablocks}: those named in {@code asked}, or all when it is empty. */
	static Located of(List<Datablock> datablocks, List<String> asked) {
		var all = new LinkedHashMap<String, File>();
		for (var block : datablocks) {
			var algorithm = Checksums.jdkName(block.getChkAlg());
			for (var file : block.getDataFileList()) {
				all.putIfAbsent(file.getPath(), new File(file.getPath(),
						file.getSize() == null ? 0 : file.getSize().longValue(), file.getChk(), algorithm, block));
			}
		}
		var files = new LinkedHashMap<String, File>();
		var missing = new ArrayList<String>();
		if (asked.isEmpty()) {
			files.putAll(all);
		}
		else {
			for (var path : asked) {
				var file = all.get(path);
				if (file == null) {
					missing.add(path);
				}
				else {
					files.put(path, file);
				}
			}
		}
		var blocks = datablocks.stream().filter(block -> files.values().stream().anyMatch(f -> f.block() == block))
			.toList();
		return new Located(files, blocks, missing);
	}

	long bytes() {
		return files.values().stream().mapToLong(File::size).sum();
	}

}
