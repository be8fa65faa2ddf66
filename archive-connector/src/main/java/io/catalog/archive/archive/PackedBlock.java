package io.catalog.archive.archive;

import java.util.List;

import io.catalog.sdk.model.DataFile;

/**
 * A tar datablock as stored.
 *
 * @param name its object name in the storage (the datablock's {@code archiveId})
 * @param files its files with their checksums
 * @param size the bytes of its files
 * @param packedSize the bytes of the tar
 * @param chk the checksum of the tar
 */
public record PackedBlock(String name, List<DataFile> files, long size, long packedSize, String chk) {
}
