package io.catalog.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.catalog.archive.support.S3Server;

/** Blocks as objects of a real S3 server (S3Proxy): one PUT or a multipart upload, listed and removed by prefix. */
class S3StoreTest {

	private static final int PART = 5 * 1024 * 1024;

	private static S3Store store(String prefix) throws IOException {
		return new S3Store(S3Store.client(S3Server.endpoint(), "us-east-1", S3Server.ACCESS_KEY, S3Server.SECRET_KEY),
				"store-test", prefix, PART);
	}

	@Test
	void aBlockOfSeveralPartsReadsBackWhole() throws IOException {
		var store = store("multipart");
		var bytes = new byte[2 * PART + 12345];
		new Random(1).nextBytes(bytes);
		var upload = store.create("d/j/block-00001.tar");
		for (int off = 0; off < bytes.length; off += 100_000) {
			upload.write(bytes, off, Math.min(100_000, bytes.length - off));
		}
		assertThat(store.exists("d/j/block-00001.tar")).as("not before the upload completes").isFalse();
		upload.close();
		try (var in = store.open("d/j/block-00001.tar")) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
	}

	@Test
	void aSmallBlockIsOnePutAndDeleteAllRemovesOnlyItsPrefix() throws IOException {
		var store = store("small");
		for (var name : new String[] { "d/j/block-00001.tar", "d/j/manifest.json", "d/k/block-00001.tar" }) {
			try (var upload = store.create(name)) {
				upload.write(name.getBytes());
			}
		}
		assertThat(store.list("d/j/")).containsExactly("d/j/block-00001.tar", "d/j/manifest.json");
		store.deleteAll("d/j/");
		assertThat(store.list("d/j/")).isEmpty();
		assertThat(store.list("d/k/")).containsExactly("d/k/block-00001.tar");
	}

	@Test
	void anAbortedMultipartUploadLeavesNoObject() throws IOException {
		var store = store("aborted");
		var upload = store.create("d/j/block-00001.tar");
		upload.write(new byte[PART + 1]);
		upload.abort();
		assertThat(store.exists("d/j/block-00001.tar")).isFalse();
		store.deleteAll("d/j/");
		assertThat(store.list("d/j/")).isEmpty();
	}

}
