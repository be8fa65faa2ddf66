package io.catalog.archive.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Checksum algorithms by the names catalogs use for them ({@code sha256}, {@code SHA-256}, {@code md5}, ...) and the
 * JDK's {@link MessageDigest}s behind them.
 */
public final class Checksums {

	private static final Map<String, String> JDK_NAMES = Map.of("MD5", "MD5", "SHA1", "SHA-1", "SHA224", "SHA-224",
			"SHA256", "SHA-256", "SHA384", "SHA-384", "SHA512", "SHA-512", "SHA3256", "SHA3-256", "SHA3512", "SHA3-512");

	private Checksums() {
	}

	/** The JDK name of a checksum algorithm named any usual way, or {@code null} when the JDK has none. */
	public static String jdkName(String algorithm) {
		if (algorithm == null || algorithm.isBlank()) {
			return null;
		}
		var key = algorithm.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
		var name = JDK_NAMES.getOrDefault(key, algorithm);
		try {
			MessageDigest.getInstance(name);
			return name;
		}
		catch (NoSuchAlgorithmException ex) {
			return null;
		}
	}

	/** A new digest of a JDK algorithm name. */
	public static MessageDigest digest(String jdkName) {
		try {
			return MessageDigest.getInstance(jdkName);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalArgumentException("unknown checksum algorithm " + jdkName, ex);
		}
	}

	/** Lower-case hex, as catalogs record checksums. */
	public static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

}
