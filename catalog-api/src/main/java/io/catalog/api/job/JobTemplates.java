package io.catalog.api.job;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.context.MapValueResolver;

/**
 * The Handlebars templates of job actions (urls, headers, bodies, mail subjects and bodies, log and error messages),
 * with the helpers SciCat's job templates use ({@code eq}, {@code and}, {@code or}, {@code not}, {@code default},
 * {@code concat}, {@code matches}, {@code jsonify}, {@code job_v3}, {@code urlencode}, {@code base64enc},
 * {@code base64dec}, {@code unwrapJSON}, {@code keyToWord}, {@code formatUnit}). Templates read plain maps only
 * (no getters or methods are called) and run no code.
 */
final class JobTemplates {

	/** A compiled template. */
	interface Template {

		String render(Object context);

	}

	private final Handlebars handlebars = new Handlebars();

	private final ObjectMapper mapper;

	JobTemplates(ObjectMapper mapper) {
		this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
		register();
	}

	/** Compiles a template; {@link IllegalArgumentException} says what is wrong with it. */
	Template compile(String source) {
		try {
			var template = handlebars.compileInline(source == null ? "" : source);
			return context -> {
				try {
					return template.apply(Context.newBuilder(context).resolver(MapValueResolver.INSTANCE).build());
				}
				catch (IOException ex) {
					throw new IllegalStateException("template failed: " + ex.getMessage(), ex);
				}
			};
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException("bad template " + abbreviate(source) + ": " + ex.getMessage(), ex);
		}
	}

	private static String abbreviate(String source) {
		return source == null || source.length() < 60 ? "'" + source + "'" : "'" + source.substring(0, 57) + "...'";
	}

	private void register() {
		handlebars.registerHelper("eq", (Helper<Object>) (a, o) -> a == null ? o.param(0, null) == null
				: a.equals(o.param(0, null)) || a instanceof Number n && o.param(0, null) instanceof Number m
						&& n.doubleValue() == m.doubleValue());
		handlebars.registerHelper("or", (Helper<Object>) (a, o) -> truthy(a)
				|| Arrays.stream(o.params).anyMatch(JobTemplates::truthy));
		handlebars.registerHelper("and", (Helper<Object>) (a, o) -> truthy(a)
				&& Arrays.stream(o.params).allMatch(JobTemplates::truthy));
		handlebars.registerHelper("not", (Helper<Object>) (a, o) -> !truthy(a));
		handlebars.registerHelper("concat", (Helper<Object>) (a, o) -> text(a)
				+ Arrays.stream(o.params).map(JobTemplates::text).collect(Collectors.joining()));
		handlebars.registerHelper("matches", (Helper<Object>) (a, o) -> matches(text(a), text(o.param(0, "")),
				o.params.length > 1 ? text(o.param(1)) : ""));
		handlebars.registerHelper("default", (Helper<Object>) (a, o) -> jsTruthy(a) ? a : o.param(0, null));
		handlebars.registerHelper("jsonify", (Helper<Object>) (a, o) -> json(a));
		handlebars.registerHelper("job_v3", (Helper<Object>) (a, o) -> a instanceof Map<?, ?> job ? jobV3(job) : null);
		handlebars.registerHelper("urlencode", (Helper<Object>) (a, o) -> URLEncoder.encode(text(a), StandardCharsets.UTF_8)
			.replace("+", "%20"));
		handlebars.registerHelper("base64enc", (Helper<Object>) (a, o) -> Base64.getEncoder()
			.encodeToString(text(a).getBytes(StandardCharsets.ISO_8859_1)));
		handlebars.registerHelper("base64dec", (Helper<Object>) (a, o) -> new String(Base64.getDecoder().decode(text(a)),
				StandardCharsets.ISO_8859_1));
		handlebars.registerHelper("unwrapJSON", (Helper<Object>) (a, o) -> new Handlebars.SafeString(unwrap(a)));
		handlebars.registerHelper("keyToWord", (Helper<Object>) (a, o) -> keyToWord(text(a)));
		handlebars.registerHelper("formatUnit", (Helper<Object>) (a, o) -> formatUnit(a, text(o.param(0, "")),
				o.hash("precision") instanceof Number p ? p.intValue() : 2));
	}

	/** SciCat's helpers read flags as {@code true}, {@code "true"}, 1, {@code "1"}, {@code "on"} or {@code "yes"}. */
	static boolean truthy(Object value) {
		return Boolean.TRUE.equals(value) || value instanceof Number n && n.doubleValue() == 1
				|| value instanceof String s && List.of("true", "1", "on", "yes").contains(s);
	}

	/** JavaScript's truthiness, which {@code default} follows. */
	private static boolean jsTruthy(Object value) {
		return value != null && !Boolean.FALSE.equals(value) && !"".equals(value)
				&& !(value instanceof Number n && (n.doubleValue() == 0 || Double.isNaN(n.doubleValue())));
	}

	private static String text(Object value) {
		return value == null ? "" : value instanceof Date date ? date.toInstant().toString() : String.valueOf(value);
	}

	private static boolean matches(String query, String regex, String flags) {
		return JobRegex.compile(regex, flags).matcher(query).find();
	}

	private String json(Object value) {
		try {
			return mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("jsonify: " + ex.getOriginalMessage(), ex);
		}
	}

	/** A job as SciCat's v3 API showed it, for archive systems that still read that shape. */
	static Map<String, Object> jobV3(Map<?, ?> job) {
		var params = new LinkedHashMap<String, Object>();
		if (job.get("jobParams") instanceof Map<?, ?> given) {
			given.forEach((k, v) -> params.put(String.valueOf(k), v));
		}
		params.put("username", job.get("createdBy"));
		var v3 = new LinkedHashMap<String, Object>();
		v3.put("id", job.get("id") != null ? job.get("id") : job.get("_id"));
		v3.put("emailJobInitiator", job.get("contactEmail"));
		v3.put("type", job.get("type"));
		v3.put("creationTime", job.get("createdAt"));
		v3.put("jobParams", params);
		v3.put("jobStatusMessage", job.get("statusCode"));
		v3.put("datasetList", params.get("datasetList") instanceof List<?> list ? list : List.of());
		return v3;
	}

	/** JSON as HTML: lists as {@code <ul>}, objects as {@code Key: value} lines. */
	static String unwrap(Object json) {
		if (json == null) {
			return "Not specified";
		}
		if (json instanceof Boolean flag) {
			return flag ? "Yes" : "No";
		}
		if (json instanceof List<?> list) {
			return list.stream().map(item -> "<li style='margin-bottom: 1em'>" + unwrap(item) + "</li>")
				.collect(Collectors.joining("", "<ul style='padding-left: 1em'>", "</ul>"));
		}
		if (json instanceof Date date) {
			return date.toInstant().toString();
		}
		if (json instanceof Map<?, ?> map) {
			return map.entrySet().stream().map(e -> keyToWord(String.valueOf(e.getKey())) + ": " + unwrap(e.getValue()))
				.collect(Collectors.joining("<br/>"));
		}
		return String.valueOf(json);
	}

	static String keyToWord(String camelCase) {
		var spaced = camelCase.replaceAll("([A-Z])", " $1");
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	/** A size in bytes with a binary prefix ({@code 50 MiB}); another unit as given. */
	static String formatUnit(Object value, String unit, int precision) {
		if (!(value instanceof Number number)) {
			return text(value) + " " + unit;
		}
		double amount = number.doubleValue();
		var shown = unit;
		if ("B".equals(unit)) {
			var prefixes = List.of("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB");
			int step = 0;
			while (Math.abs(amount) >= 1024 && step < prefixes.size() - 1) {
				amount /= 1024;
				step++;
			}
			shown = prefixes.get(step);
		}
		var rounded = new BigDecimal(amount).round(new MathContext(Math.max(1, precision))).stripTrailingZeros();
		return rounded.toPlainString() + " " + shown;
	}

}
