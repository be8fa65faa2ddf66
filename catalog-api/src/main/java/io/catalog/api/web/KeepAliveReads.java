package io.catalog.api.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;

import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;

/**
 * Asks for the next read once a response is written whole. Reactor Netty 1.2 reads an HTTP/1.1 connection on
 * demand and, when a request that arrived while the one before was still being answered is then answered at
 * once, forgets to ask again: the connection is never read again and the client's next request waits forever
 * (reactor-netty issue 4361, fixed after 1.2.18). Asking once more is harmless when a read is already pending.
 */
@ChannelHandler.Sharable
final class KeepAliveReads extends ChannelOutboundHandlerAdapter {

	static final String NAME = "catalog.keepAliveReads";

	private static final KeepAliveReads INSTANCE = new KeepAliveReads();

	private KeepAliveReads() {
	}

	/** Puts the handler behind the HTTP codec of every connection, where it still sees whole responses. */
	static NettyServerCustomizer customizer() {
		return server -> server.doOnConnection(KeepAliveReads::install);
	}

	private static void install(Connection connection) {
		var pipeline = connection.channel().pipeline();
		if (pipeline.get(NAME) == null && pipeline.get(NettyPipeline.HttpCodec) != null) {
			pipeline.addAfter(NettyPipeline.HttpCodec, NAME, INSTANCE);
		}
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof LastHttpContent) {
			var channel = ctx.channel();
			ctx.write(msg, promise.unvoid()).addListener(written -> {
				if (written.isSuccess() && channel.isActive()) {
					channel.read();
				}
			});
			return;
		}
		ctx.write(msg, promise);
	}

}
