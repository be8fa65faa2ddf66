package io.catalog.ingestor.route;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import io.catalog.ingestor.IngestorProperties;

/**
 * Watches {@code INGESTOR_DROP_DIR} for metadata files ({@code .json}, {@code .yaml}, {@code .yml}); each becomes
 * a dataset with its files. Processed files move to {@code done/}, refused ones to {@code failed/}.
 */
@Component
@ConditionalOnExpression("!'${ingestor.drop.dir:}'.isBlank()")
class FileDropRoute extends RouteBuilder {

	private final IngestorProperties.Drop drop;

	private final Runs runs;

	FileDropRoute(IngestorProperties properties, Runs runs) {
		this.drop = properties.drop();
		this.runs = runs;
	}

	@Override
	public void configure() {
		from("file:" + drop.dir() + "?include=.*\\.(json|ya?ml)&readLock=changed&readLockMinAge=500"
				+ "&delay=" + drop.delay().toMillis()
				+ "&move=${exchangeProperty." + Runs.OUTCOME + "}/${file:name}&moveFailed=failed/${file:name}")
			.routeId("file-drop").routeConfigurationId(ErrorPolicy.ID)
			.setProperty(Runs.SOURCE, constant("file"))
			.setProperty(Runs.OUTCOME, constant("done"))
			.process(runs::ingest);
	}

}
