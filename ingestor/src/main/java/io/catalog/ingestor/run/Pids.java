package io.catalog.ingestor.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Derives a dataset pid from a run identifier (a name-based UUID, version 5), so a run delivered twice has one pid. */
final class Pids {

	/** The namespace of run identifiers: fixed, so pids stay the same across versions and machines. */
	private static final UUID NAMESPACE = UUID.fromString("6f1c1d7e-4a55-4c0e-9d0b-6b1f0e0a7c21");

	private Pids() {
	}

	static String of(String prefix, String runId) {
		var uuid = uuidV5(NAMESPACE, runId).toString();
		return prefix == null || prefix.isBlank() ? uuid : prefix + "/" + uuid;
	}

	static UUID uuidV5(UUID namespace, String name) {
		try {
			var sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
				.putLong(namespace.getLeastSignificantBits()).array());
			var hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
			hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
			hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
			var buffer = ByteBuffer.wrap(hash, 0, 16);
			return new UUID(buffer.getLong(), buffer.getLong());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every JDK", ex);
		}
	}

}
