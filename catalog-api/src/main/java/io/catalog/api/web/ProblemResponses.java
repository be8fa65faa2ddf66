package io.catalog.api.web;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.NettyPipeline;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;

/**
 * Gives the refusals Reactor Netty answers by itself, before any handler runs (a request line or headers too long,
 * a request it cannot decode: 400, 413, 414, 431 with no body), the same RFC 9457 problem body as every other
 * refusal.
 */
@ChannelHandler.Sharable
final class ProblemResponses extends ChannelOutboundHandlerAdapter {

	static final String NAME = "catalog.problemResponses";

	private static final ProblemResponses INSTANCE = new ProblemResponses();

	private ProblemResponses() {
	}

	/**
	 * Puts the handler behind the HTTP codec of every connection as the channel is set up, before its first request
	 * is read (a request refused while decoding is answered before any connection callback).
	 */
	static NettyServerCustomizer customizer() {
		return server -> server.doOnChannelInit((observer, channel, address) -> {
			var pipeline = channel.pipeline();
			if (pipeline.get(NAME) == null && pipeline.get(NettyPipeline.HttpCodec) != null) {
				pipeline.addAfter(NettyPipeline.HttpCodec, NAME, INSTANCE);
			}
		});
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof FullHttpResponse response && bare(response)) {
			ctx.write(withProblem(response), promise);
			return;
		}
		ctx.write(msg, promise);
	}

	private static boolean bare(FullHttpResponse response) {
		int status = response.status().code();
		return (status == 400 || status == 413 || status == 414 || status == 431) && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
	}

	private static FullHttpResponse withProblem(FullHttpResponse bare) {
		var status = bare.status();
		var detail = switch (status.code()) {
			case 414 -> "the request line (path and query) is too long";
			case 431 -> "the request headers are too large";
			case 413 -> "the request is too large";
			default -> "the request could not be read as HTTP";
		};
		var json = "{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":" + status.code()
				+ ",\"detail\":\"" + detail + "\",\"statusCode\":" + status.code() + ",\"message\":\"" + detail
				+ "\",\"error\":\"" + status.reasonPhrase() + "\"}";
		var body = Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8));
		var response = new DefaultFullHttpResponse(bare.protocolVersion(), status, body);
		response.headers().set(bare.headers());
		response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
		response.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
		bare.release();
		return response;
	}

}
