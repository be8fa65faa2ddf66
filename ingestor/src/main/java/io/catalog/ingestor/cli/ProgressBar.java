package io.catalog.ingestor.cli;

import java.io.PrintStream;

import io.catalog.ingestor.run.Progress;

/** A one-line progress bar on the terminal: files walked, then files uploaded out of the total. */
final class ProgressBar implements Progress {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private long lastDraw;

	ProgressBar(PrintStream out) {
		this.out = out;
	}

	@Override
	public void walked(int files) {
		if (due(false)) {
			out.print("\rwalking   " + files + " files");
			out.flush();
		}
	}

	@Override
	public void uploaded(int files, int total) {
		if (due(files == total)) {
			int filled = total == 0 ? WIDTH : (int) ((long) files * WIDTH / total);
			out.print("\ruploading [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + files + "/" + total
					+ " files");
			if (files == total) {
				out.println();
			}
			out.flush();
		}
	}

	private boolean due(boolean last) {
		long now = System.nanoTime();
		if (last || now - lastDraw > 100_000_000L) {
			lastDraw = now;
			return true;
		}
		return false;
	}

}
