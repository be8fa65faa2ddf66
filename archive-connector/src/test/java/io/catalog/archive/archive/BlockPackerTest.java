package io.catalog.archive.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.catalog.archive.storage.BlockStore;
import io.catalog.archive.storage.FolderStore;
import io.catalog.sdk.model.DataFile;

/** Packing files into tar blocks straight into a folder store. */
class BlockPackerTest {

	@TempDir
	Path temp;

	@Test
	void aFileLargerThanTheTargetIsAloneInItsBlock() throws IOException {
		var files = List.of(file("a.dat", 10_000), file("b.dat", 300_000), file("c.dat", 10_000));
		var packed = packer(100_000, 1000).pack(found(files), "p/j/", bytes -> {
		});
		assertThat(packed.changed()).isEmpty();
		assertThat(packed.blocks()).extracting(block -> block.files().stream().map(DataFile::getPath).toList())
			.containsExactly(List.of("a.dat"), List.of("b.dat"), List.of("c.dat"));
		assertThat(packed.blocks()).extracting(PackedBlock::name)
			.containsExactly("p/j/block-00001.tar", "p/j/block-00002.tar", "p/j/block-00003.tar");
	}

	@Test
	void aBlockHoldsAtMostTheFileCountAndEveryFileKeepsItsChecksum() throws IOException {
		var files = new ArrayList<SourceFile>();
		for (int i = 0; i < 25; i++) {
			files.add(file("f%02d.dat".formatted(i), 100 + i));
		}
		var done = new AtomicLong();
		var packed = packer(1 << 30, 10).pack(found(files), "p/j/", bytes -> done.incrementAndGet());
		assertThat(packed.blocks()).extracting(block -> block.files().size()).containsExactly(10, 10, 5);
		assertThat(done).hasValue(25);
		for (var block : packed.blocks()) {
			try (var tar = new TarArchiveInputStream(Files.newInputStream(temp.resolve("store").resolve(block.name())))) {
				for (var file : block.files()) {
					var entry = tar.getNextEntry();
					assertThat(entry.getName()).isEqualTo(file.getPath());
					var digest = Checksums.digest("SHA-256");
					digest.update(tar.readAllBytes());
					assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(file.getChk());
				}
			}
		}
	}

	@Test
	void packingTheSameFilesAgainGivesTheSameBlocks() throws IOException {
		var files = List.of(file("a.dat", 5000), file("b.dat", 7000));
		var first = packer(6000, 1000).pack(found(files), "p/j/", bytes -> {
		});
		var second = packer(6000, 1000).pack(found(files), "p/j/", bytes -> {
		});
		assertThat(second.blocks()).extracting(PackedBlock::name, PackedBlock::chk)
			.isEqualTo(first.blocks().stream().map(b -> org.assertj.core.groups.Tuple.tuple(b.name(), b.chk())).toList());
	}

	@Test
	void aFileWhoseContentChangedIsNamed() throws IOException {
		var file = file("a.dat", 1000);
		var wrong = new SourceFile(file.entry().chk("00"), "SHA-256");
		var packed = packer(1 << 20, 1000).pack(found(List.of(wrong)), "p/j/", bytes -> {
		});
		assertThat(packed.changed()).containsExactly("a.dat: checksum differs from the catalogued one");
	}

	@Test
	void aBlockThatReadsBackOtherThanWrittenFailsThePacking() throws IOException {
		var folder = new FolderStore(temp.resolve("store"));
		var flipping = new BlockStore() {

			@Override
			public Upload create(String name) throws IOException {
				return folder.create(name);
			}

			@Override
			public InputStream open(String name) throws IOException {
				var bytes = folder.open(name).readAllBytes();
				bytes[bytes.length / 2] ^= 1;
				return new ByteArrayInputStream(bytes);
			}

			@Override
			public boolean exists(String name) throws IOException {
				return folder.exists(name);
			}

			@Override
			public List<String> list(String prefix) throws IOException {
				return folder.list(prefix);
			}

			@Override
			public void deleteAll(String prefix) throws IOException {
				folder.deleteAll(prefix);
			}

			@Override
			public String describe() {
				return folder.describe();
			}

		};
		var packer = new BlockPacker(flipping, "SHA-256", 1 << 20, 1000, Duration.ZERO);
		var files = found(List.of(file("a.dat", 5000)));
		assertThatThrownBy(() -> packer.pack(files, "p/j/", bytes -> {
		})).isInstanceOf(IOException.class).hasMessageContaining("reads back as");
	}

	private List<SourceCheck.Found> found(List<SourceFile> files) {
		var checked = SourceCheck.check(temp.resolve("src"), files);
		assertThat(checked.problems()).isEmpty();
		return checked.found();
	}

	private BlockPacker packer(long blockSize, int maxFiles) throws IOException {
		return new BlockPacker(new FolderStore(temp.resolve("store")), "SHA-256", blockSize, maxFiles, Duration.ZERO);
	}

	private SourceFile file(String name, int size) throws IOException {
		var path = temp.resolve("src").resolve(name);
		Files.createDirectories(path.getParent());
		var bytes = new byte[size];
		new java.util.Random(size).nextBytes(bytes);
		Files.write(path, bytes);
		return new SourceFile(new DataFile().path(name).size(BigDecimal.valueOf(size)).time(OffsetDateTime.now()), null);
	}

}
