package io.stageline.tomcat;

import io.stageline.servlet.ServerWideInitializer;
import java.nio.file.Path;
import org.apache.catalina.Container;
import org.apache.catalina.ContainerEvent;
import org.apache.catalina.ContainerListener;
import org.apache.catalina.Context;
import org.apache.catalina.Engine;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.Server;
import org.apache.catalina.Service;

/**
 * Applies Stageline to every web application of a Tomcat server or host. In {@code server.xml}:
 *
 * <pre>{@code
 * <Server ...>
 *   <Listener className="io.stageline.tomcat.StagelineListener" />                  <!-- every host -->
 *   ...
 *   <Host ...>
 *     <Listener className="io.stageline.tomcat.StagelineListener" serverConfig="conf/stageline.yaml" />  <!-- one host -->
 * }</pre>
 *
 * <p>The jars go into {@code $CATALINA_BASE/lib}. The server-level YAML is {@code serverConfig} (relative to
 * {@code $CATALINA_BASE}), default {@code $CATALINA_BASE/conf/stageline.yaml}; the system property
 * {@code stageline.server.config} overrides both. The filter is installed first in each context, before the filters
 * of its web.xml, on every (re)start of the context.
 */
public class StagelineListener implements LifecycleListener, ContainerListener {
    private String serverConfig;

    /** The server-level YAML, absolute or relative to {@code $CATALINA_BASE} (server.xml attribute). */
    public void setServerConfig(String path) {
        this.serverConfig = path;
    }

    public String getServerConfig() {
        return serverConfig;
    }

    /** The server-level file this listener passes to the applications. */
    Path serverConfigPath() {
        String base = System.getProperty("catalina.base", ".");
        if (serverConfig == null || serverConfig.isBlank()) {
            return Path.of(base, "conf", "stageline.yaml");
        }
        Path p = Path.of(serverConfig);
        return p.isAbsolute() ? p : Path.of(base).resolve(p);
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            return;
        }
        Lifecycle source = event.getLifecycle();
        if (source instanceof Context context) {
            apply(context);
        } else if (source instanceof Host host) {
            watch(host);
        } else if (source instanceof Server server) {
            for (Service service : server.findServices()) {
                Engine engine = service.getContainer();
                if (engine != null) {
                    for (Container host : engine.findChildren()) {
                        watch(host);
                    }
                }
            }
        }
    }

    private void watch(Container host) {
        host.addContainerListener(this);
        for (Container child : host.findChildren()) {
            if (child instanceof Context context) {
                context.addLifecycleListener(this);
            }
        }
    }

    @Override
    public void containerEvent(ContainerEvent event) {
        if (Container.ADD_CHILD_EVENT.equals(event.getType()) && event.getData() instanceof Context context) {
            context.addLifecycleListener(this);
        }
    }

    private void apply(Context context) {
        context.addServletContainerInitializer(new ServerWideInitializer(serverConfigPath()), null);
    }
}
