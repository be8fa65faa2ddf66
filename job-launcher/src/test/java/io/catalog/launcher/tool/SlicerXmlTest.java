package io.catalog.launcher.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Slicer execution-model XML read into typed parameters and outputs. */
class SlicerXmlTest {

	private static ExecutionModel read(String xml) throws IOException {
		return SlicerXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void readsTextsTypesFlagsBoundsAndDefaults() throws IOException {
		ExecutionModel model;
		try (var in = Files.newInputStream(Path.of("src/test/resources/tools/threshold.xml"))) {
			model = SlicerXml.read(in);
		}
		assertThat(model.title()).isEqualTo("Threshold");
		assertThat(model.version()).isEqualTo("1.2.0");
		assertThat(model.parameters()).extracting(Parameter::name).containsExactly("level", "sigma", "invert", "mode",
				"source");
		var level = model.parameters().get(0);
		assertThat(level).isEqualTo(new Parameter("level", ParameterType.INTEGER, "Level", "Values below it are dropped",
				3L, false, 0.0, 10.0, List.of(), "--level", null));
		assertThat(model.parameters().get(1).flag()).isEqualTo("-s");
		assertThat(model.parameters().get(1).defaultValue()).isEqualTo(0.5);
		assertThat(model.parameters().get(2).flag()).isEqualTo("--invert");
		assertThat(model.parameters().get(2).defaultValue()).isEqualTo(false);
		assertThat(model.parameters().get(3).values()).containsExactly("fast", "exact");
		var source = model.parameters().get(4);
		assertThat(source.type()).isEqualTo(ParameterType.FILE);
		assertThat(source.index()).isZero();
		assertThat(source.required()).isTrue();
	}

	@Test
	void anOutputChannelFileOrDirectoryIsAnOutput() throws IOException {
		var model = read("""
				<executable><parameters>
				  <directory><name>result</name><channel>output</channel><index>1</index></directory>
				  <image><name>mask</name><channel>output</channel><longflag>mask</longflag></image>
				</parameters></executable>""");
		assertThat(model.parameters()).isEmpty();
		assertThat(model.outputs()).containsExactly(new Port("result", "directory", null, null, 1),
				new Port("mask", "file", null, "--mask", null));
	}

	@Test
	void refusesAnUnknownElementNamingIt() {
		assertThatThrownBy(() -> read("<executable><parameters><colour><name>c</name></colour></parameters></executable>"))
			.hasMessage("parameter c: <colour> is not a Slicer parameter type");
	}

	@Test
	void refusesADefaultOfTheWrongType() {
		assertThatThrownBy(() -> read("""
				<executable><parameters><integer><name>n</name><default>many</default></integer></parameters></executable>"""))
			.hasMessage("parameter n: default 'many' is not of type integer");
	}

	@Test
	void refusesADoctypeSoNoEntityIsExpanded() {
		assertThatThrownBy(() -> read("""
				<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
				<executable><title>&e;</title></executable>""")).hasMessageContaining("not a Slicer execution model")
			.hasMessageContaining("DOCTYPE");
	}

	@Test
	void refusesAnotherRootElement() {
		assertThatThrownBy(() -> read("<tool/>")).hasMessage("the root element is <tool>, not <executable>");
	}

}
