package io.catalog.archive.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.sdk.model.DataFile;

/** What is checked before a dataset is archived. */
class SourceCheckTest {

	@TempDir
	Path temp;

	@Test
	void missingFilesWrongSizesAndPathsOutOfTheFolderAreEachNamed() throws IOException {
		var folder = Files.createDirectories(temp.resolve("run"));
		Files.writeString(folder.resolve("ok.txt"), "12345");
		Files.writeString(folder.resolve("short.txt"), "12");
		Files.writeString(temp.resolve("secret.txt"), "secret");
		var problems = SourceCheck.problems(folder, List.of(file("ok.txt", 5), file("short.txt", 5),
				file("gone.txt", 1), file("../secret.txt", 6)));
		assertThat(problems).containsExactly("short.txt: size 2 bytes, catalogued 5", "gone.txt: missing",
				"../secret.txt: outside the sourceFolder");
	}

	@Test
	void aSymbolicLinkOutOfTheFolderIsRefused() throws IOException {
		var folder = Files.createDirectories(temp.resolve("run"));
		Files.writeString(temp.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(folder.resolve("link.txt"), temp.resolve("secret.txt"));
		Files.createSymbolicLink(folder.resolve("dir"), Files.createDirectories(temp.resolve("elsewhere")));
		Files.writeString(temp.resolve("elsewhere/inner.txt"), "inner");
		assertThat(SourceCheck.problems(folder, List.of(file("link.txt", 6), file("dir/inner.txt", 5)))).containsExactly(
				"link.txt: leads out of the sourceFolder through a symbolic link",
				"dir/inner.txt: leads out of the sourceFolder through a symbolic link");
	}

	@Test
	void aMissingSourceFolderIsOneProblem() {
		assertThat(SourceCheck.problems(temp.resolve("nowhere"), List.of(file("a", 1))))
			.containsExactly(temp.resolve("nowhere") + ": sourceFolder is missing");
	}

	private static SourceFile file(String path, long size) {
		return new SourceFile(new DataFile().path(path).size(BigDecimal.valueOf(size)).time(OffsetDateTime.now()), null);
	}

}
