package io.catalog.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.BsonRegularExpression;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.catalog.api.schema.FieldType;
import io.catalog.api.schema.Schema;
import io.catalog.api.web.InvalidInputException;

class FilterParserTest {

	static final Schema SCHEMA = Schema.builder()
		.optional(FieldType.DATE, "creationTime")
		.optional(FieldType.STRING, "ownerGroup", "datasetName")
		.optional(FieldType.NUMBER, "size")
		.build();

	final FilterParser parser = new FilterParser(new ObjectMapper(), 100, 1000);

	Document where(String json) {
		return parser.parse("{\"where\":" + json + "}", SCHEMA, Set.of("origdatablocks")).where();
	}

	@Test
	void blankFilterMatchesEverythingWithTheDefaultPage() {
		var filter = parser.parse(null, SCHEMA, Set.of());
		assertThat(filter.where()).isEmpty();
		assertThat(filter.limit()).isEqualTo(100);
		assertThat(filter.skip()).isZero();
	}

	@Test
	void equalityAndComparisons() {
		assertThat(where("{\"ownerGroup\":\"g\"}")).isEqualTo(new Document("ownerGroup", "g"));
		assertThat(where("{\"size\":{\"gt\":1,\"lte\":5}}"))
			.isEqualTo(new Document("size", new Document("$gt", 1L).append("$lte", 5L)));
		assertThat(where("{\"size\":{\"gte\":1.5}}")).isEqualTo(new Document("size", new Document("$gte", 1.5)));
		assertThat(where("{\"size\":{\"lt\":3}}")).isEqualTo(new Document("size", new Document("$lt", 3L)));
		assertThat(where("{\"size\":{\"neq\":3}}")).isEqualTo(new Document("size", new Document("$ne", 3L)));
	}

	@Test
	void inqAndNin() {
		assertThat(where("{\"ownerGroup\":{\"inq\":[\"a\",\"b\"]}}"))
			.isEqualTo(new Document("ownerGroup", new Document("$in", List.of("a", "b"))));
		assertThat(where("{\"ownerGroup\":{\"nin\":[\"a\"]}}"))
			.isEqualTo(new Document("ownerGroup", new Document("$nin", List.of("a"))));
	}

	@Test
	void betweenIsInclusiveAndDatesBecomeDates() {
		var where = where("{\"creationTime\":{\"between\":[\"2026-01-01\",\"2026-12-31T23:59:59Z\"]}}");
		var range = (Document) where.get("creationTime");
		assertThat(range.get("$gte")).isInstanceOf(Date.class);
		assertThat(((Date) range.get("$lte")).toInstant().toString()).isEqualTo("2026-12-31T23:59:59Z");
	}

	@Test
	void likeAndIlikeAreRegularExpressions() {
		assertThat(where("{\"datasetName\":{\"like\":\"^run.*\"}}"))
			.isEqualTo(new Document("datasetName", new Document("$regex", "^run")));
		assertThat(where("{\"datasetName\":{\"ilike\":\"RUN\"}}"))
			.isEqualTo(new Document("datasetName", new Document("$regex", "RUN").append("$options", "i")));
		assertThat(where("{\"datasetName\":{\"like\":\"/run/i\"}}"))
			.isEqualTo(new Document("datasetName", new Document("$regex", "run").append("$options", "i")));
		var nlike = (Document) where("{\"datasetName\":{\"nlike\":\"tmp\"}}").get("datasetName");
		assertThat(((BsonRegularExpression) nlike.get("$not")).getPattern()).isEqualTo("tmp");
	}

	@Test
	void andOrNest() {
		var where = where("{\"or\":[{\"ownerGroup\":\"a\"},{\"and\":[{\"size\":{\"gt\":1}},{\"ownerGroup\":\"b\"}]}]}");
		assertThat(where.toJson()).isEqualTo(
				"{\"$or\": [{\"ownerGroup\": \"a\"}, {\"$and\": [{\"size\": {\"$gt\": 1}}, {\"ownerGroup\": \"b\"}]}]}");
	}

	@Test
	void severalFieldsAreCombinedWithAnd() {
		assertThat(where("{\"ownerGroup\":\"a\",\"size\":2}")).containsKey("$and");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"$where\":\"sleep(1000)\"}", "{\"size\":{\"$where\":1}}", "{\"$expr\":{}}",
			"{\"ownerGroup\":{\"$function\":{}}}", "{\"a.$b\":1}", "{\"size\":{\"regex\":\"x\"}}",
			"{\"ownerGroup\":{\"eq\":{\"$ne\":null}}}" })
	void databaseOperatorsAreRefused(String where) {
		assertThatThrownBy(() -> where(where)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void mongoStyleOperatorsReadAsTheirLoopBackTwins() {
		assertThat(where("{\"size\":{\"$gt\":1},\"$or\":[{\"datasetName\":{\"$regex\":\"run\",\"$options\":\"i\"}}]}"))
			.isEqualTo(where("{\"size\":{\"gt\":1},\"or\":[{\"datasetName\":{\"regexp\":\"run\",\"options\":\"i\"}}]}"));
	}

	@Test
	void refusalNamesTheField() {
		assertThatThrownBy(() -> where("{\"size\":{\"around\":3}}")).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors().get(0).field()).isEqualTo("where.size.around"));
	}

	@Test
	void wrongShapesAreRefused() {
		assertThatThrownBy(() -> where("{\"creationTime\":{\"gt\":\"last week\"}}")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> where("{\"size\":{\"between\":[1]}}")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> where("{\"size\":{\"inq\":3}}")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> where("{\"or\":{}}")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> where("{\"datasetName\":{\"like\":\"(\"}}")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> parser.parse("{\"where\":", SCHEMA, Set.of())).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> parser.parse("{\"select\":{}}", SCHEMA, Set.of())).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void hugeValuesAreRefused() {
		assertThatThrownBy(() -> where("{\"datasetName\":\"" + "x".repeat(5000) + "\"}"))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> parser.parse("{\"where\":{\"a\":\"" + "x".repeat(70_000) + "\"}}", SCHEMA, Set.of()))
			.isInstanceOf(InvalidInputException.class);
		var deep = "{\"or\":[".repeat(20) + "{}" + "]}".repeat(20);
		assertThatThrownBy(() -> where(deep)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void limitsSkipAndOrderInBothSpellings() {
		var filter = parser.parse("{\"limits\":{\"limit\":5,\"skip\":10,\"order\":\"creationTime:desc,size:asc\"}}", SCHEMA,
				Set.of());
		assertThat(filter.limit()).isEqualTo(5);
		assertThat(filter.skip()).isEqualTo(10);
		assertThat(filter.order()).isEqualTo(new Document("creationTime", -1).append("size", 1));
		var loopback = parser.parse("{\"limit\":7,\"order\":\"size DESC\"}", SCHEMA, Set.of());
		assertThat(loopback.limit()).isEqualTo(7);
		assertThat(loopback.order()).isEqualTo(new Document("size", -1));
		var v4 = parser.parse("{\"limits\":{\"sort\":{\"size\":\"desc\"}}}", SCHEMA, Set.of());
		assertThat(v4.order()).isEqualTo(new Document("size", -1));
	}

	@Test
	void limitOverTheMaximumIsRefused() {
		assertThatThrownBy(() -> parser.parse("{\"limits\":{\"limit\":1001}}", SCHEMA, Set.of()))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 1000");
		assertThatThrownBy(() -> parser.parse("{\"limits\":{\"skip\":-1}}", SCHEMA, Set.of()))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void fieldsAndIncludes() {
		var filter = parser.parse("{\"fields\":[\"datasetName\"],\"include\":[{\"relation\":\"origdatablocks\"}]}", SCHEMA,
				Set.of("origdatablocks"));
		assertThat(filter.fields()).containsExactly("datasetName");
		assertThat(filter.include()).containsExactly("origdatablocks");
		assertThatThrownBy(() -> parser.parse("{\"include\":[\"secrets\"]}", SCHEMA, Set.of("origdatablocks")))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> parser.parse("{\"fields\":[\"$where\"]}", SCHEMA, Set.of()))
			.isInstanceOf(InvalidInputException.class);
	}

}
