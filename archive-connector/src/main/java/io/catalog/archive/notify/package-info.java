/** Mail to the people a group's policy names when its datasets' archive or retrieve jobs end. */
package io.catalog.archive.notify;
