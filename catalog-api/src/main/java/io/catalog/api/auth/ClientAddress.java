package io.catalog.api.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from: the connection's peer, unless that peer is a trusted reverse proxy; then the
 * nearest address in {@code X-Forwarded-For} (or {@code Forwarded: for=}) that is not a trusted proxy itself. A
 * client can put anything in those headers, so they count only when a trusted proxy sent them.
 */
final class ClientAddress {

	/** An IPv4 or IPv6 literal (so that matching one never asks DNS), with an optional prefix length. */
	private static final Pattern IP_LITERAL = Pattern
		.compile("(\\d{1,3}(\\.\\d{1,3}){3}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)(/\\d{1,3})?");

	private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)for=\"?\\[?([0-9A-Fa-f:.]+)\\]?(?::\\d+)?\"?");

	private final List<Range> trusted;

	ClientAddress(List<String> trustedProxies) {
		var ranges = new ArrayList<Range>();
		for (var proxy : trustedProxies) {
			var range = proxy.contains("/") ? proxy : proxy + "/" + (proxy.contains(":") ? 128 : 32);
			var address = IP_LITERAL.matcher(proxy).matches() ? parse(range.substring(0, range.indexOf('/'))) : null;
			int bits = address == null ? -1 : Integer.parseInt(range.substring(range.indexOf('/') + 1));
			if (address == null || bits > address.length * 8) {
				throw new IllegalArgumentException("TRUSTED_PROXIES: " + proxy + " is not an IP address or CIDR range");
			}
			ranges.add(new Range(address, bits));
		}
		this.trusted = List.copyOf(ranges);
	}

	/** The addresses whose first {@code bits} bits are those of {@code prefix}. */
	private record Range(byte[] prefix, int bits) {

		boolean contains(byte[] address) {
			if (address.length != prefix.length) {
				return false;
			}
			for (int bit = 0; bit < bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((address[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

	/** The bytes of an IP literal (never a DNS look-up: only literals reach here), or {@code null}. */
	private static byte[] parse(String literal) {
		try {
			return InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException | SecurityException ex) {
			return null;
		}
	}

	String of(ServerHttpRequest request) {
		var remote = request.getRemoteAddress();
		var peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
		if (!isTrusted(peer)) {
			return peer;
		}
		var hops = forwarded(request);
		for (int i = hops.size() - 1; i >= 0; i--) {
			if (!isTrusted(hops.get(i))) {
				return hops.get(i);
			}
		}
		return hops.isEmpty() ? peer : hops.get(0);
	}

	private boolean isTrusted(String address) {
		if (trusted.isEmpty() || address.contains("/") || !IP_LITERAL.matcher(address).matches()) {
			return false;
		}
		var bytes = parse(address);
		return bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
	}

	/** The addresses the proxies name, nearest last. */
	private static List<String> forwarded(ServerHttpRequest request) {
		var hops = new ArrayList<String>();
		var headers = request.getHeaders();
		var forwarded = headers.get("Forwarded");
		if (forwarded != null) {
			for (var value : forwarded) {
				for (var element : value.split(",")) {
					var match = FORWARDED_FOR.matcher(element);
					if (match.find()) {
						hops.add(match.group(1));
					}
				}
			}
			return hops;
		}
		var forwardedFor = headers.get("X-Forwarded-For");
		if (forwardedFor != null) {
			for (var value : forwardedFor) {
				for (var hop : value.split(",")) {
					var address = hop.trim();
					if (IP_LITERAL.matcher(address).matches()) {
						hops.add(address);
					}
				}
			}
		}
		return hops;
	}

}
