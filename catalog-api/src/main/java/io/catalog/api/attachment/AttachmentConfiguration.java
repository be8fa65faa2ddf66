package io.catalog.api.attachment;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.catalog.api.contract.ContractSchemas;
import io.catalog.api.schema.FieldType;

/** The schemas of this feature that the contract publishes. */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	@Bean
	ContractSchemas attachmentContractSchemas() {
		return new ContractSchemas(Map.of("Attachment", Attachments.KIND.schema().with().required("id", FieldType.STRING).build(),
				"CreateAttachment", Attachments.BODY, "UpdateAttachment", Attachments.BODY,
				"AttachmentRelationship", Attachments.RELATIONSHIP,
				"AttachmentV4", Attachments.V4_BODY.with().without("aid").required("aid", FieldType.STRING)
					.optional(FieldType.DATE, "createdAt", "updatedAt").optional(FieldType.STRING, "createdBy", "updatedBy").build(),
				"CreateAttachmentV4", Attachments.V4_BODY, "UpdateAttachmentV4", Attachments.V4_BODY));
	}

}
