/** The HTTP transport: case-insensitive paths and RFC 9457 problem details. */
package io.catalog.api.web;
