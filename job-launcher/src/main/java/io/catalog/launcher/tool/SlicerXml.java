package io.catalog.launcher.tool;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads Slicer's execution-model XML ({@code <executable>} with {@code <parameters>} groups), as Girder's
 * slicer_cli_web does. Element types map onto {@link ParameterType}: {@code integer}; {@code float} and
 * {@code double}; {@code boolean}; {@code string} and the vectors, points and regions (passed as their text);
 * every {@code *-enumeration}; {@code file}, {@code image}, {@code geometry}, {@code table}, {@code transform}
 * (files); {@code directory}. A file or directory of the output channel becomes an output. {@code longflag}
 * becomes {@code --longflag}, {@code flag} {@code -flag}; a parameter with an {@code index} and no default is
 * required. DOCTYPEs are refused (no external entities).
 */
public final class SlicerXml {

	private static final Map<String, ParameterType> TYPES = Map.ofEntries(Map.entry("integer", ParameterType.INTEGER),
			Map.entry("float", ParameterType.FLOAT), Map.entry("double", ParameterType.FLOAT),
			Map.entry("boolean", ParameterType.BOOLEAN), Map.entry("string", ParameterType.STRING),
			Map.entry("integer-vector", ParameterType.STRING), Map.entry("float-vector", ParameterType.STRING),
			Map.entry("double-vector", ParameterType.STRING), Map.entry("string-vector", ParameterType.STRING),
			Map.entry("point", ParameterType.STRING), Map.entry("region", ParameterType.STRING),
			Map.entry("integer-enumeration", ParameterType.ENUMERATION),
			Map.entry("float-enumeration", ParameterType.ENUMERATION),
			Map.entry("double-enumeration", ParameterType.ENUMERATION),
			Map.entry("string-enumeration", ParameterType.ENUMERATION), Map.entry("file", ParameterType.FILE),
			Map.entry("image", ParameterType.FILE), Map.entry("geometry", ParameterType.FILE),
			Map.entry("table", ParameterType.FILE), Map.entry("transform", ParameterType.FILE),
			Map.entry("directory", ParameterType.DIRECTORY));

	/** Elements of a parameters group that are not parameters. */
	private static final List<String> GROUP_TEXTS = List.of("label", "description");

	private SlicerXml() {
	}

	/** The execution model in {@code xml}; {@code IllegalArgumentException} naming what is wrong. */
	public static ExecutionModel read(InputStream xml) throws IOException {
		Element root;
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			root = factory.newDocumentBuilder().parse(xml).getDocumentElement();
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalArgumentException("not a Slicer execution model: " + ex.getMessage(), ex);
		}
		if (!"executable".equals(root.getTagName())) {
			throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <executable>");
		}
		var parameters = new ArrayList<Parameter>();
		var outputs = new ArrayList<Port>();
		for (var group : children(root, "parameters")) {
			for (var element : children(group, null)) {
				if (!GROUP_TEXTS.contains(element.getTagName())) {
					add(element, parameters, outputs);
				}
			}
		}
		return new ExecutionModel(text(root, "title"), text(root, "description"), text(root, "version"), parameters,
				outputs);
	}

	private static void add(Element element, List<Parameter> parameters, List<Port> outputs) {
		var tag = element.getTagName();
		var type = TYPES.get(tag);
		var name = text(element, "name");
		if (type == null) {
			throw new IllegalArgumentException("parameter " + name + ": <" + tag + "> is not a Slicer parameter type");
		}
		var flag = flag(element);
		var index = text(element, "index");
		Integer position = index == null ? null : Integer.valueOf(index.strip());
		if ("output".equalsIgnoreCase(text(element, "channel")) && (type.isPath())) {
			outputs.add(new Port(name, type == ParameterType.DIRECTORY ? "directory" : "file", text(element, "description"),
					flag, position));
			return;
		}
		var values = children(element, "element").stream().map(Node::getTextContent).map(String::strip).toList();
		var fallback = text(element, "default");
		Object defaultValue = fallback == null ? null : typed(name, type, fallback.strip());
		var constraints = children(element, "constraints").stream().findFirst();
		Double minimum = constraints.map(c -> text(c, "minimum")).map(Double::valueOf).orElse(null);
		Double maximum = constraints.map(c -> text(c, "maximum")).map(Double::valueOf).orElse(null);
		boolean bounded = type == ParameterType.INTEGER || type == ParameterType.FLOAT;
		parameters.add(new Parameter(name, type, text(element, "label"), text(element, "description"), defaultValue,
				position != null && defaultValue == null, bounded ? minimum : null, bounded ? maximum : null, values, flag,
				position));
	}

	private static Object typed(String name, ParameterType type, String text) {
		try {
			return switch (type) {
				case INTEGER -> Long.valueOf(text);
				case FLOAT -> Double.valueOf(text);
				case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
					case "true" -> true;
					case "false" -> false;
					default -> throw new IllegalArgumentException("parameter " + name + ": default '" + text
							+ "' is not true or false");
				};
				default -> text;
			};
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("parameter " + name + ": default '" + text + "' is not of type " + type.id(), ex);
		}
	}

	private static String flag(Element element) {
		var longflag = text(element, "longflag");
		if (longflag != null) {
			return "--" + longflag.strip().replaceFirst("^-+", "");
		}
		var flag = text(element, "flag");
		return flag == null ? null : "-" + flag.strip().replaceFirst("^-+", "");
	}

	private static String text(Element parent, String tag) {
		return children(parent, tag).stream().findFirst().map(Node::getTextContent).map(String::strip)
			.filter(text -> !text.isEmpty()).orElse(null);
	}

	private static List<Element> children(Element parent, String tag) {
		var found = new ArrayList<Element>();
		for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && (tag == null || tag.equals(element.getTagName()))) {
				found.add(element);
			}
		}
		return found;
	}

}
