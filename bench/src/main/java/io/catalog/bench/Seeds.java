package io.catalog.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic datasets, the same for a given number on every run: 20 metadata keys with units, keywords, 5 owner
 * groups, 3 instruments, and an origdatablock of 100 files each.
 */
final class Seeds {

	static final List<String> GROUPS = List.of("group0", "group1", "group2", "group3", "group4");

	static final List<String> INSTRUMENTS = List.of("/PSI/SLS/TOMCAT", "/MAXIV/BioMAX", "/ESS/LoKI");

	static final List<String> KEYWORDS = List.of("diffraction", "tomography", "powder", "protein", "silicon",
			"calibration", "in-situ", "operando", "battery", "catalyst", "crystal", "thin-film", "magnetic", "spectroscopy",
			"imaging", "scattering", "cryo", "high-pressure", "alignment", "commissioning");

	/** Key, unit, low, high. */
	private static final List<Object[]> QUANTITIES = List.of(new Object[] { "photon_energy", "keV", 5.0, 25.0 },
			new Object[] { "wavelength", "Å", 0.5, 2.5 }, new Object[] { "detector_distance", "mm", 100.0, 1000.0 },
			new Object[] { "exposure_time", "s", 0.001, 10.0 }, new Object[] { "sample_temperature", "K", 4.0, 400.0 },
			new Object[] { "chamber_temperature", "°C", -20.0, 80.0 }, new Object[] { "pressure", "mbar", 1e-6, 1000.0 },
			new Object[] { "magnetic_field", "T", 0.0, 9.0 }, new Object[] { "rotation_angle", "deg", 0.0, 360.0 },
			new Object[] { "beam_divergence", "mrad", 0.01, 2.0 }, new Object[] { "frame_rate", "Hz", 1.0, 1000.0 },
			new Object[] { "total_counts", "counts", 1e3, 1e9 }, new Object[] { "beam_size", "nm", 50.0, 5000.0 },
			new Object[] { "monochromator_energy", "eV", 5000.0, 25000.0 }, new Object[] { "gas_pressure", "bar", 0.1, 200.0 },
			new Object[] { "ring_current", "mA", 100.0, 500.0 }, new Object[] { "slit_gap", "µm", 10.0, 500.0 },
			new Object[] { "dose", "Gy", 0.1, 100.0 }, new Object[] { "chopper_frequency", "MHz", 0.01, 1.0 },
			new Object[] { "vacuum", "Pa", 1e-7, 1e-2 });

	private Seeds() {
	}

	static String pid(int i) {
		return "20.500.bench/" + String.format("%08d", i);
	}

	static Map<String, Object> dataset(int i) {
		var random = new SplittableRandom(i);
		var dataset = new LinkedHashMap<String, Object>();
		var group = GROUPS.get(i % GROUPS.size());
		var instrument = i % INSTRUMENTS.size();
		dataset.put("pid", pid(i));
		dataset.put("type", i % 4 == 0 ? "derived" : "raw");
		dataset.put("ownerGroup", group);
		dataset.put("accessGroups", List.of(GROUPS.get((i + 1) % GROUPS.size())));
		dataset.put("owner", "Scientist " + (i % 97));
		dataset.put("contactEmail", "scientist" + (i % 97) + "@facility.test");
		dataset.put("sourceFolder", "/data/" + group + "/run" + i);
		dataset.put("creationTime", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 631L).toString());
		dataset.put("creationLocation", INSTRUMENTS.get(instrument));
		dataset.put("instrumentId", "instrument-" + instrument);
		dataset.put("principalInvestigator", "PI " + (i % 31));
		dataset.put("datasetName", KEYWORDS.get(random.nextInt(KEYWORDS.size())) + " run " + i);
		dataset.put("description", "Measurement " + i + " of sample S" + (i % 500) + " at " + INSTRUMENTS.get(instrument));
		dataset.put("isPublished", i % 10 == 0);
		var keywords = new ArrayList<String>();
		for (int k = 0; k < 3; k++) {
			var keyword = KEYWORDS.get(random.nextInt(KEYWORDS.size()));
			if (!keywords.contains(keyword)) {
				keywords.add(keyword);
			}
		}
		dataset.put("keywords", keywords);
		if ("derived".equals(dataset.get("type"))) {
			dataset.put("investigator", "Analyst " + (i % 13));
			dataset.put("inputDatasets", List.of(pid(Math.max(0, i - 1))));
			dataset.put("usedSoftware", List.of("bench-reduction 1.0"));
		}
		var metadata = new LinkedHashMap<String, Object>();
		for (Object[] quantity : QUANTITIES) {
			double low = (Double) quantity[2];
			double high = (Double) quantity[3];
			metadata.put((String) quantity[0], Map.of("value", low + random.nextDouble() * (high - low), "unit", quantity[1]));
		}
		dataset.put("scientificMetadata", metadata);
		return dataset;
	}

	static Map<String, Object> origDatablock(int i, Map<String, Object> dataset) {
		var files = new ArrayList<Map<String, Object>>(100);
		long total = 0;
		for (int f = 0; f < 100; f++) {
			long size = 1_000_000L + (long) i * 7 + f;
			total += size;
			files.add(Map.of("path", dataset.get("sourceFolder") + "/frame_" + String.format("%05d", f) + ".h5", "size",
					size, "time", dataset.get("creationTime"), "uid", "1000", "gid", "1000", "perm", "-rw-r--r--"));
		}
		var block = new LinkedHashMap<String, Object>();
		block.put("datasetId", dataset.get("pid"));
		block.put("ownerGroup", dataset.get("ownerGroup"));
		block.put("accessGroups", dataset.get("accessGroups"));
		block.put("size", total);
		block.put("dataFileList", files);
		return block;
	}

}
