package io.catalog.archive.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * Passes a block's bytes on to its upload, counting them and keeping their CRC-32C (hardware-accelerated, so almost
 * free), which the block's read-back is compared with. Closing it flushes but leaves the upload open: the upload is
 * completed on the finishing thread ({@link BlockFinisher}).
 */
final class CrcOutputStream extends FilterOutputStream {

	private final CRC32C crc = new CRC32C();

	private long count;

	CrcOutputStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(int b) throws IOException {
		out.write(b);
		crc.update(b);
		count++;
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		out.write(b, off, len);
		crc.update(b, off, len);
		count += len;
	}

	@Override
	public void close() throws IOException {
		out.flush();
	}

	long count() {
		return count;
	}

	long crc() {
		return crc.getValue();
	}

}
