/** The HTTP transport and its errors: case-insensitive paths, refusals and their RFC 9457 problem details. */
package io.catalog.api.web;
