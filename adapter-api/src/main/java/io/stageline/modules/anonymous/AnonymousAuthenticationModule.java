package io.stageline.modules.anonymous;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.auth.AuthState;
import java.util.Set;

/**
 * AnonymousAuthentication, the port of IIS's {@code AnonymousAuthenticationModule}
 * ({@code authentication.anonymous}, reference §6.8). Native; the engine runs it last in AUTHENTICATE_REQUEST, after
 * every other authentication module, whatever its place in the module list.
 *
 * <p>Settings (per location): {@code enabled} (default {@code true}).
 *
 * <p>Anonymous is represented by the absence of a user: {@link RequestContext#user()} stays null, and the
 * authorization rules' {@code ?} matches it. When the module is disabled and no other module produced a user, the
 * request ends with <b>401.2</b> (reference §6.8: "no authentication module set a user"), with the challenge of an
 * enabled Basic scheme, or the forms login redirect when FormsAuthentication ran. Enabled it does nothing, so when it
 * is enabled at every location (the default) it subscribes to no stage.
 */
public final class AnonymousAuthenticationModule implements PipelineModule {
    public static final String NAME = "AnonymousAuthentication";
    private static final Set<String> KEYS = Set.of("enabled");

    private boolean[] enabled;

    @Override
    public void init(ModuleSetup setup) {
        enabled = new boolean[setup.locationCount()];
        boolean disabledSomewhere = false;
        for (int i = 0; i < enabled.length; i++) {
            ModuleSettings s = setup.settings(i);
            SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
            enabled[i] = s.getBoolean("enabled", true);
            disabledSomewhere |= !enabled[i];
        }
        if (disabledSomewhere) {
            // enabled, the module has nothing to do (anonymous = no user): it subscribes only when it may answer 401.2
            setup.subscribe(PipelineStage.AUTHENTICATE_REQUEST);
        }
    }

    /** True when anonymous access is enabled at the location. */
    public boolean enabled(int location) {
        return enabled[location];
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        if (ctx.user() != null || enabled[ctx.locationIndex()]) {
            return;
        }
        if (ctx.trace().enabled()) {
            ctx.trace().write(NAME, "no module authenticated the request and anonymous access is disabled: 401.2");
        }
        AuthState.deny(ctx, 401, 2);
    }
}
