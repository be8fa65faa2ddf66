package io.catalog.api.auth;

import static io.catalog.api.schema.FieldType.ANY;
import static io.catalog.api.schema.FieldType.INTEGER;
import static io.catalog.api.schema.FieldType.OBJECT;
import static io.catalog.api.schema.FieldType.OBJECTS;
import static io.catalog.api.schema.FieldType.STRING;
import static io.catalog.api.schema.FieldType.STRINGS;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.Schema;

/** The sign-in and user schemas the contract publishes (SciCat's shapes). */
@Configuration(proxyBeanMethods = false)
class AuthSchemas {

	static final Schema USER = Schema.builder()
		.required(STRING, "_id", "id", "username")
		.optional(STRING, "email", "authStrategy")
		.optional("currentGroups", STRINGS)
		.build();

	@Bean
	ContractSchemas authContractSchemas() {
		return new ContractSchemas(Map.of("Credentials",
				Schema.builder().required("username", STRING).required("password", STRING).build(), "Login",
				Schema.builder().required(STRING, "access_token", "id", "created", "userId")
					.required(INTEGER, "expires_in", "ttl")
					.required("user", OBJECT, USER)
					.build(),
				"ApiToken", Schema.builder().required(STRING, "id", "owner", "createdAt").optional(STRING, "name", "expiresAt", "token")
					.required("groups", STRINGS).build(),
				"User", USER, "UserIdentity",
				USER.with().optional(STRING, "provider", "userId").optional("profile", OBJECT)
					.optional("emails", OBJECTS).build(),
				"PasswordChange", Schema.builder().optional(STRING, "currentPassword")
					.required(STRING, "newPassword", "confirmPassword").build(),
				"Message", Schema.builder().required("message", STRING).build(),
				"Jwt", Schema.builder().required("jwt", STRING).required("expires_in", INTEGER).build(),
				"JwtRequest", Schema.builder().optional("expiresIn", ANY).build()));
	}

}
