package meshplay.engine.connect.ssh;

import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.kex.KeyExchangeFactory;

/**
 * The client's key-exchange preference. MINA proposes sntrup761x25519 first; its key generation runs in
 * Java (BouncyCastle) and costs tens of milliseconds of CPU per connection under the launcher's C1-only
 * JIT, which with 10-50 hosts connecting at once was half of a short run's CPU time. ML-KEM (the default
 * of OpenSSH 9.9+, so of Proxmox VE 9) is post-quantum too and cheap; curve25519 comes next, before
 * sntrup761, so servers without ML-KEM (OpenSSH 9.0-9.8) get the classical curve25519 exchange.
 */
final class KexPreference {
    static final List<String> FIRST = List.of("mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org");

    private KexPreference() {
    }

    /** The given factories with {@link #FIRST} moved to the front (those MINA has), the rest in their order. */
    static List<KeyExchangeFactory> order(List<KeyExchangeFactory> factories) {
        List<KeyExchangeFactory> out = new ArrayList<>();
        for (String name : FIRST) {
            for (KeyExchangeFactory f : factories) if (f.getName().equals(name)) out.add(f);
        }
        for (KeyExchangeFactory f : factories) if (!out.contains(f)) out.add(f);
        return out;
    }
}
