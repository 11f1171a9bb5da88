package meshplay.engine.connect.ssh;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * Lets public-key authentication use the keys of a running ssh-agent (SSH_AUTH_SOCK). MINA's own
 * unix agent client needs the Tomcat APR native library; Java 16+ speaks unix sockets itself, so this
 * connects with a plain {@link SocketChannel} and reuses MINA's agent protocol code. No agent
 * forwarding is offered to servers.
 */
final class UnixSocketAgentFactory implements SshAgentFactory {
    private final Path socket;

    UnixSocketAgentFactory(Path socket) {
        this.socket = socket;
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of();
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
        return new Client(socket);
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) {
        throw new UnsupportedOperationException("agent forwarding is not offered");
    }

    /** One agent connection per authentication; requests are strictly request/response. */
    private static final class Client extends AbstractAgentProxy {
        private final SocketChannel channel;

        Client(Path socket) throws IOException {
            super(null);
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                channel.close();
                throw new IOException("cannot reach ssh-agent at " + socket + ": " + e.getMessage(), e);
            }
        }

        @Override
        protected synchronized Buffer request(Buffer buffer) throws IOException {
            Buffer framed = prepare(buffer);
            ByteBuffer out = ByteBuffer.wrap(framed.array(), framed.rpos(), framed.available());
            while (out.hasRemaining()) channel.write(out);
            ByteBuffer len = readFully(4);
            int n = len.getInt(0);
            if (n < 0 || n > 256 * 1024) throw new IOException("bad ssh-agent reply length " + n);
            return new ByteArrayBuffer(readFully(n).array());
        }

        private ByteBuffer readFully(int n) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(n);
            while (b.hasRemaining()) {
                if (channel.read(b) < 0) throw new IOException("ssh-agent closed the connection");
            }
            return b;
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            super.close();
            channel.close();
        }
    }
}
