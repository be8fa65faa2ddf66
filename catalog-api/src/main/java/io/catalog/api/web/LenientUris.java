package io.catalog.api.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import reactor.netty.NettyPipeline;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;

/**
 * Percent-encodes the characters a request line may not carry bare ({@code { } | ^ ` < > "} and the like) before
 * the request reaches Spring, which would otherwise answer 400 without a word. SciCat's clients send JSON filters in
 * the query, and some leave braces unencoded ({@code ?limits={}}), which SciCat's own server accepts.
 */
@ChannelHandler.Sharable
final class LenientUris extends ChannelInboundHandlerAdapter {

	static final String NAME = "catalog.lenientUris";

	private static final LenientUris INSTANCE = new LenientUris();

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private LenientUris() {
	}

	/**
	 * Puts the handler right behind the HTTP codec of every channel as it is set up, so that it sees the first
	 * request of a connection too.
	 */
	static NettyServerCustomizer customizer() {
		return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			var pipeline = channel.pipeline();
			if (pipeline.get(NAME) == null && pipeline.get(NettyPipeline.HttpCodec) != null) {
				pipeline.addAfter(NettyPipeline.HttpCodec, NAME, INSTANCE);
			}
		});
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			var uri = request.uri();
			var encoded = encode(uri);
			if (encoded != null) {
				request.setUri(encoded);
			}
		}
		ctx.fireChannelRead(msg);
	}

	/** The URI with its illegal characters encoded, or {@code null} when it has none. */
	static String encode(String uri) {
		StringBuilder out = null;
		for (int i = 0; i < uri.length(); i++) {
			char c = uri.charAt(i);
			boolean illegal = c <= ' ' || c >= 0x7f && c <= 0xff || "{}|^`<>\"\\".indexOf(c) >= 0;
			if (illegal && out == null) {
				out = new StringBuilder(uri.length() + 16).append(uri, 0, i);
			}
			if (out != null) {
				if (illegal) {
					// the codec read the request line byte for byte, so each char above 0x7f is one raw byte
					out.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
				}
				else {
					out.append(c);
				}
			}
		}
		return out == null ? null : out.toString();
	}

}
