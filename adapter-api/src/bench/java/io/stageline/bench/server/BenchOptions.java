package io.stageline.bench.server;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line of a load-benchmark server:
 * {@code --variant bare|passthrough|shiro|stageline --webroot DIR --workdir DIR [--port N] [--config FILE]
 * [--shiro-ini FILE]}. Port 0 (the default) binds any free port on 127.0.0.1.
 */
public record BenchOptions(Variant variant, Path webroot, Path workdir, int port, Path config, Path shiroIni) {
    public static final String HOST = "127.0.0.1";

    public static BenchOptions parse(String[] args) {
        Variant variant = null;
        Path webroot = null;
        Path workdir = null;
        int port = 0;
        Path config = null;
        Path shiroIni = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String v = args[i + 1];
            switch (args[i]) {
                case "--variant" -> variant = Variant.byId(v);
                case "--webroot" -> webroot = Path.of(v).toAbsolutePath();
                case "--workdir" -> workdir = Path.of(v).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(v);
                case "--config" -> config = Path.of(v).toAbsolutePath();
                case "--shiro-ini" -> shiroIni = Path.of(v).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (variant == null || webroot == null || workdir == null || !Files.isDirectory(webroot)) {
            throw new IllegalArgumentException("usage: --variant V --webroot DIR --workdir DIR [--port N] "
                    + "[--config FILE] [--shiro-ini FILE]");
        }
        if (variant == Variant.SHIRO && (shiroIni == null || !Files.isRegularFile(shiroIni))) {
            throw new IllegalArgumentException("the shiro variant needs --shiro-ini FILE");
        }
        return new BenchOptions(variant, webroot, workdir, port, config, shiroIni);
    }

    /** Shiro's {@code shiroConfigLocations} context parameter. */
    public String shiroConfigLocation() {
        return shiroIni.toUri().toString();
    }

    /** The line the load script waits for; it checks the pid against the process it started. */
    public void printReady(String container, int boundPort) {
        System.out.println("READY pid=" + ProcessHandle.current().pid() + " port=" + boundPort + " container="
                + container + " variant=" + variant.id());
        System.out.flush();
    }
}
