package meshplay.modules.net;

import meshplay.engine.module.ArgProblem;
import meshplay.engine.module.ArgSpec;
import meshplay.engine.module.ArgType;
import meshplay.engine.module.ModuleContext;

/**
 * The arguments Ansible's url modules share (its url_argument_spec and the options that follow it),
 * added to a module's spec in one place, and the check that refuses the ones meshplay cannot honour.
 */
final class UrlArgs {
    private UrlArgs() {
    }

    /** Adds the shared arguments; {@code userAlias} is the module's alias of url_username ("username" or "user"). */
    static ArgSpec.Builder addTo(ArgSpec.Builder b, String userAlias) {
        return b.add(ArgSpec.arg("url_username", ArgType.STR).aliases(userAlias).doc("user for HTTP basic authentication"))
                .add(ArgSpec.arg("url_password", ArgType.STR).aliases("password").noLog().doc("password for HTTP basic authentication"))
                .add(ArgSpec.arg("force_basic_auth", ArgType.BOOL).defaultValue(false).doc("send the credentials without waiting for a 401"))
                .add(ArgSpec.arg("validate_certs", ArgType.BOOL).defaultValue(true).doc("check the server's TLS certificate"))
                .add(ArgSpec.arg("http_agent", ArgType.STR).defaultValue("ansible-httpget").doc("the User-Agent header"))
                .add(ArgSpec.arg("use_proxy", ArgType.BOOL).defaultValue(true).doc("accepted for compatibility; the controller's JVM proxy settings apply"))
                .add(ArgSpec.arg("unredirected_headers", ArgType.LIST).elements(ArgType.STR).doc("accepted for compatibility"))
                .add(ArgSpec.arg("decompress", ArgType.BOOL).defaultValue(true).doc("accepted for compatibility (the body is kept as sent)"))
                .add(ArgSpec.arg("use_netrc", ArgType.BOOL).defaultValue(true).doc("accepted for compatibility"))
                .add(ArgSpec.arg("ciphers", ArgType.LIST).elements(ArgType.STR).doc("accepted for compatibility"))
                .add(ArgSpec.arg("use_gssapi", ArgType.BOOL).defaultValue(false).doc("accepted for compatibility"))
                .add(ArgSpec.arg("client_cert", ArgType.PATH).doc("not supported: a task that sets it fails"))
                .add(ArgSpec.arg("client_key", ArgType.PATH).doc("not supported: a task that sets it fails"));
    }

    /** Fails the task, at the argument, when it asks for a client certificate. */
    static void refuseUnsupported(ModuleContext ctx, String module) {
        for (String arg : new String[] {"client_cert", "client_key"}) {
            if (ctx.args().has(arg)) {
                throw ArgProblem.of(ctx, module, arg, "client certificates are not supported by meshplay",
                        "fetch the file with a command task (curl --cert)");
            }
        }
    }
}
