package io.catalog.ingestor.support;

import java.nio.file.Path;

import io.jhdf.HdfFile;

/** Writes small real NeXus (HDF5) files with jhdf: monochromator energy (keV) and sample temperature (K). */
public final class NexusFiles {

	private NexusFiles() {
	}

	public static Path write(Path file, double energyKeV, double temperatureK) {
		try (var hdf = HdfFile.write(file)) {
			var entry = hdf.putGroup("entry");
			entry.putAttribute("NX_class", "NXentry");
			var energy = entry.putGroup("instrument").putGroup("monochromator").putDataset("energy",
					new double[] { energyKeV });
			energy.putAttribute("units", "keV");
			var temperature = entry.putGroup("sample").putDataset("temperature", new double[] { temperatureK });
			temperature.putAttribute("units", "K");
		}
		return file;
	}

}
