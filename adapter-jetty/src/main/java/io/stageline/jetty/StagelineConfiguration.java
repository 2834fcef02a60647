package io.stageline.jetty;

import io.stageline.servlet.ServerWideInitializer;
import java.nio.file.Path;
import org.eclipse.jetty.ee11.servlet.ServletContainerInitializerHolder;
import org.eclipse.jetty.ee11.webapp.AbstractConfiguration;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.ee11.webapp.WebXmlConfiguration;

/**
 * A Jetty 12 (ee11) web-application configuration that applies Stageline to every deployed web application. The
 * {@code stageline} jetty-base module adds it to the server's default configurations (see {@code etc/stageline.xml});
 * embedded servers can add it themselves:
 *
 * <pre>{@code
 * Configurations.setServerDefault(server).add(new StagelineConfiguration(Path.of("etc/stageline.yaml")));
 * }</pre>
 */
public class StagelineConfiguration extends AbstractConfiguration {
    private final Path serverConfig;

    /** With the conventional server-level file {@code $JETTY_BASE/etc/stageline.yaml}. */
    public StagelineConfiguration() {
        this(Path.of(System.getProperty("jetty.base", "."), "etc", "stageline.yaml"));
    }

    public StagelineConfiguration(String serverConfig) {
        this(Path.of(serverConfig));
    }

    public StagelineConfiguration(Path serverConfig) {
        super(new Builder().addDependencies(WebXmlConfiguration.class));
        this.serverConfig = serverConfig;
    }

    public Path serverConfig() {
        return serverConfig;
    }

    /**
     * Registers the initializer as a holder: the context is already starting here, and only the holder form (the one
     * Jetty's own AnnotationConfiguration uses) is accepted after the start began.
     */
    @Override
    public void configure(WebAppContext context) throws Exception {
        context.addServletContainerInitializer(new ServletContainerInitializerHolder(new ServerWideInitializer(serverConfig)));
    }
}
