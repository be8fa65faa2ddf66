package io.catalog.archive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blocks as files: whole or absent, listed and removed by prefix, never outside the root. */
class FolderStoreTest {

	@TempDir
	Path temp;

	@Test
	void anObjectAppearsOnlyWhenItsStreamIsClosed() throws IOException {
		var store = new FolderStore(temp);
		var upload = store.create("d/j/block-00001.tar");
		upload.write(new byte[] { 1, 2, 3 });
		assertThat(store.exists("d/j/block-00001.tar")).isFalse();
		upload.close();
		assertThat(store.exists("d/j/block-00001.tar")).isTrue();
		try (var in = store.open("d/j/block-00001.tar")) {
			assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
		}
	}

	@Test
	void anAbortedUploadLeavesNothing() throws IOException {
		var store = new FolderStore(temp);
		var upload = store.create("d/j/block-00001.tar");
		upload.write(new byte[] { 1 });
		upload.abort();
		assertThat(store.list("d/j/")).isEmpty();
	}

	@Test
	void deleteAllRemovesBlocksAndWhatAKilledWriterLeft() throws IOException {
		var store = new FolderStore(temp);
		try (var upload = store.create("d/j/block-00001.tar")) {
			upload.write(1);
		}
		Files.writeString(temp.resolve("d/j/block-00002.tar.part"), "half");
		try (var upload = store.create("d/other/block-00001.tar")) {
			upload.write(1);
		}
		assertThat(store.list("d/j/")).containsExactly("d/j/block-00001.tar", "d/j/block-00002.tar.part");
		store.deleteAll("d/j/");
		assertThat(store.list("d/j/")).isEmpty();
		assertThat(store.list("d/other/")).containsExactly("d/other/block-00001.tar");
	}

	@Test
	void aNameLeadingOutOfTheRootIsRefused() throws IOException {
		var store = new FolderStore(temp.resolve("root"));
		assertThatThrownBy(() -> store.create("../escape.tar")).isInstanceOf(IllegalArgumentException.class);
	}

}
