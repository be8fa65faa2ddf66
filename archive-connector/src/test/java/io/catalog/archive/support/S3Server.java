package io.catalog.archive.support;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

import io.catalog.testsupport.CatalogProcess;

/** A real S3 server for the test JVM: S3Proxy over a temporary folder, on a random loopback port. */
public final class S3Server {

	public static final String ACCESS_KEY = "test-access";

	public static final String SECRET_KEY = "test-secret-key";

	private static String endpoint;

	private S3Server() {
	}

	/** Its endpoint, starting it on first use. */
	public static synchronized String endpoint() {
		if (endpoint == null) {
			endpoint = start();
		}
		return endpoint;
	}

	private static String start() {
		try {
			var dir = Files.createTempDirectory("s3proxy-");
			var url = "http://127.0.0.1:" + CatalogProcess.freePort();
			var proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(dir.toString())).endpoint(URI.create(url))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
			proxy.start();
			var deadline = Instant.now().plus(Duration.ofSeconds(30));
			while (!"STARTED".equals(proxy.getState())) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
				}
				Thread.sleep(50);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					proxy.stop();
				}
				catch (Exception ignored) {
					// the JVM ends anyway
				}
			}));
			return url;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot start S3Proxy", ex);
		}
	}

}
