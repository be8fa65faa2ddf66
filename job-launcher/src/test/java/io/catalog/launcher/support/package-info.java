/** What the launcher's tests share: a real catalog-api, a Kafka broker, launchers, jobs and datasets. */
package io.catalog.launcher.support;
