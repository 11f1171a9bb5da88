package meshplay.engine.connect;

/** ansible_connection=local: the controller itself, through {@link LocalConnection}. */
public final class LocalConnectionProvider implements ConnectionProvider {
    @Override
    public String type() {
        return "local";
    }

    @Override
    public Connection open(HostAddress address, ConnectionOptions options) {
        return new LocalConnection(address.inventoryName());
    }
}
