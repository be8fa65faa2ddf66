package io.catalog.api.web;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import reactor.netty.NettyPipeline;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;

/**
 * Answers what the HTTP codec could not decode (a request line or headers too long, a malformed request) with an
 * RFC 9457 problem, at once, and closes the connection. Reactor Netty would answer these itself, but on a kept-alive
 * connection it sometimes answers nothing: the client then waits for its own timeout. Refusals Reactor Netty still
 * answers bare (400, 413, 414, 431 with no body) get the same problem body as every other refusal.
 */
@ChannelHandler.Sharable
final class ProblemResponses extends ChannelDuplexHandler {

	static final String NAME = "catalog.problemResponses";

	private static final ProblemResponses INSTANCE = new ProblemResponses();

	private ProblemResponses() {
	}

	/**
	 * Puts the handler right behind the HTTP codec of every connection (before Reactor Netty's own handlers) as the
	 * channel is set up, before its first request is read.
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
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpObject http && http.decoderResult().isFailure()) {
			var status = status(http.decoderResult().cause());
			ReferenceCountUtil.release(msg);
			var response = problem(HttpVersion.HTTP_1_1, status);
			response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
			ctx.channel().config().setAutoRead(false);
			return;
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof FullHttpResponse response && bare(response)) {
			var problem = problem(response.protocolVersion(), response.status());
			problem.headers().set(response.headers()).set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
				.set(HttpHeaderNames.CONTENT_LENGTH, problem.content().readableBytes());
			response.release();
			ctx.write(problem, promise);
			return;
		}
		ctx.write(msg, promise);
	}

	private static HttpResponseStatus status(Throwable cause) {
		if (cause instanceof TooLongHttpLineException) {
			return HttpResponseStatus.REQUEST_URI_TOO_LONG;
		}
		if (cause instanceof TooLongHttpHeaderException) {
			return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
		}
		if (cause instanceof TooLongFrameException) {
			return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
		}
		return HttpResponseStatus.BAD_REQUEST;
	}

	private static boolean bare(FullHttpResponse response) {
		int status = response.status().code();
		return (status == 400 || status == 413 || status == 414 || status == 431) && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
	}

	private static FullHttpResponse problem(HttpVersion version, HttpResponseStatus status) {
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
		var response = new DefaultFullHttpResponse(version, status, body);
		response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
		return response;
	}

}
