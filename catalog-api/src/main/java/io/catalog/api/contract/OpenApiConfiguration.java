package io.catalog.api.contract;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import io.catalog.api.access.Caller;
import io.catalog.api.schema.FieldType;

/**
 * The OpenAPI document at {@code /explorer-json} (Swagger UI at {@code /explorer}, SciCat's path): component schemas
 * from the same {@link ContractSchemas} that check requests, request and response schemas from {@link ApiBody} and
 * {@link ApiReturns}, problem-detail errors and bearer security on every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static final String API_TOKEN = "apiToken";

	static final String OIDC = "oidc";

	static final String PROBLEM = "Problem";

	/** The JSON-valued query parameters SciCat clients send, with a description and an example each. */
	static final Map<String, String[]> QUERY_PARAMETERS = Map.of(
			"filter", new String[] { "LoopBack filter as JSON: where (conditions with inq, nin, and, or, like, ilike, "
					+ "nlike, regexp, gt, gte, lt, lte, between, eq, neq, exists), fields (names to return), include "
					+ "(relations such as origdatablocks), limits (limit, skip, order as \"field:asc|desc\")",
					"{\"where\":{\"creationTime\":{\"gt\":\"2026-01-01\"}},\"limits\":{\"limit\":10,\"order\":\"creationTime:desc\"}}" },
			"where", new String[] { "A LoopBack where condition as JSON (see filter)", "{\"ownerGroup\":\"group1\"}" },
			"fields", new String[] { "Search fields as JSON", "{\"text\":\"tomography\"}" },
			"limits", new String[] { "Paging as JSON: limit, skip, order", "{\"limit\":10,\"skip\":0,\"order\":\"creationTime:desc\"}" },
			"facets", new String[] { "The facets to count, as a JSON array", "[\"type\",\"creationLocation\",\"ownerGroup\",\"keywords\"]" },
			"fieldName", new String[] { "The array field to extend", "keywords" },
			"data", new String[] { "The values to add, as a JSON array", "[\"tomography\"]" });

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI catalogOpenApi() {
		return new OpenAPI()
			.info(new Info().title("catalog API")
				.version("3")
				.description("SciCat-compatible REST API of the scientific data catalog. Filters use SciCat's LoopBack "
						+ "JSON; errors are RFC 9457 problem details.")
				.license(new License().name("Apache-2.0").identifier("Apache-2.0")))
			.servers(List.of(new Server().url("/").description("this catalog")))
			.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("A token from POST /api/v3/auth/login (HS256 JWT) or a Keycloak access token"))
				.addSecuritySchemes(API_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("cat_<secret>")
					.description("A persistent API token from POST /api/v3/users/my/tokens, sent as a bearer token"))
				.addSecuritySchemes(OIDC, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
					.openIdConnectUrl("https://keycloak.example/realms/facility/.well-known/openid-configuration")
					.description("The facility's identity provider (OIDC_ISSUER); browsers sign in at /api/v3/auth/oidc")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(API_TOKEN))
			.addSecurityItem(new SecurityRequirement().addList(OIDC));
	}

	/** The answers many operations share. */
	@Bean
	ContractSchemas commonContractSchemas() {
		return new ContractSchemas(Map.of("Count", io.catalog.api.schema.Schema.builder().required("count", FieldType.INTEGER).build(),
				"Validity", io.catalog.api.schema.Schema.builder().required("valid", FieldType.BOOLEAN)
					.optional(FieldType.OBJECTS, "errors", "reason").build()));
	}

	@Bean
	OpenApiCustomizer contractSchemas(List<ContractSchemas> contributions, ObjectMapper mapper) throws IOException {
		Map<String, Object> examples;
		try (var in = new ClassPathResource("contract/examples.json").getInputStream()) {
			examples = mapper.readValue(in, new TypeReference<Map<String, Object>>() {
			});
		}
		return openApi -> {
			var names = new IdentityHashMap<io.catalog.api.schema.Schema, String>();
			// a schema published under several names is referred to by the first in alphabetical order, whatever
			// order the contributions list them in
			contributions.forEach(c -> c.schemas().forEach((name, schema) -> names.merge(schema, name,
					(one, other) -> one.compareTo(other) <= 0 ? one : other)));
			var converter = new SchemaConverter(names);
			var schemas = new TreeMap<String, Schema<?>>();
			contributions.forEach(c -> c.schemas().forEach((name, schema) -> schemas.put(name, converter.object(schema))));
			examples.forEach((name, example) -> {
				if (!schemas.containsKey(name)) {
					throw new IllegalStateException("contract/examples.json names an unknown schema: " + name);
				}
				schemas.get(name).setExample(example);
			});
			schemas.put(PROBLEM, problem());
			schemas.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
		};
	}

	@Bean
	OperationCustomizer contractBodies() {
		return (operation, handler) -> {
			var body = handler.getMethodAnnotation(ApiBody.class);
			if (body != null) {
				operation.setRequestBody(new RequestBody().required(true).content(json(oneOf(body.value()))));
			}
			var returns = handler.getMethodAnnotation(ApiReturns.class);
			if (returns != null) {
				var schema = SchemaConverter.reference(returns.value());
				operation.getResponses().entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst()
					.ifPresent(e -> e.getValue().setContent(json(returns.list()
							? SchemaConverter.typed("array").items(schema) : schema)));
			}
			if (operation.getParameters() != null) {
				operation.getParameters().forEach(parameter -> {
					var description = QUERY_PARAMETERS.get(parameter.getName());
					if (description != null && "query".equals(parameter.getIn())) {
						parameter.description(description[0]).example(description[1]);
					}
				});
			}
			for (var status : List.of("400", "401", "403", "404")) {
				operation.getResponses().addApiResponse(status, new ApiResponse().description(reason(status))
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(SchemaConverter.reference(PROBLEM)))));
			}
			return operation;
		};
	}

	private static Schema<?> oneOf(String... names) {
		if (names.length == 1) {
			return SchemaConverter.reference(names[0]);
		}
		var schema = new Schema<Object>();
		for (String name : names) {
			schema.addOneOfItem(SchemaConverter.reference(name));
		}
		return schema;
	}

	private static Content json(Schema<?> schema) {
		return new Content().addMediaType("application/json", new MediaType().schema(schema));
	}

	private static String reason(String status) {
		return switch (status) {
			case "400" -> "Bad input: the problem lists every field at fault under errors";
			case "401" -> "No valid credentials";
			case "403" -> "The caller may not do this";
			default -> "No such document";
		};
	}

	private static Schema<Object> problem() {
		var problem = SchemaConverter.typed("object");
		problem.setDescription("RFC 9457 problem details, with NestJS's statusCode and message");
		problem.addProperty("type", SchemaConverter.typed("string"));
		problem.addProperty("title", SchemaConverter.typed("string"));
		problem.addProperty("status", SchemaConverter.typed("integer"));
		problem.addProperty("detail", SchemaConverter.typed("string"));
		problem.addProperty("instance", SchemaConverter.typed("string"));
		problem.addProperty("statusCode", SchemaConverter.typed("integer"));
		problem.addProperty("message", new Schema<>().description("the detail, or the list of field errors"));
		var error = SchemaConverter.typed("object");
		error.addProperty("field", SchemaConverter.typed("string"));
		error.addProperty("reason", SchemaConverter.typed("string"));
		problem.addProperty("errors", SchemaConverter.typed("array").items(error));
		problem.setRequired(List.of("status", "title"));
		return problem;
	}

}
