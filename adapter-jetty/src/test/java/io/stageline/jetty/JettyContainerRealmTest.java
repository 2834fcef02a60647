package io.stageline.jetty;

import io.stageline.servlet.ContainerRealmScenarios;
import io.stageline.servlet.TestContainer;
import java.util.List;
import org.eclipse.jetty.ee11.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.util.security.Credential;

/**
 * {@code credentials: { store: container }} on Jetty 12.1 (ee11): a {@link HashLoginService} in a
 * {@link ConstraintSecurityHandler} without constraints, so Jetty protects nothing and {@code request.login} works.
 */
class JettyContainerRealmTest extends ContainerRealmScenarios {
    @Override
    protected TestContainer newContainerWithUsers(List<RealmUser> users) {
        return new JettyTestContainer(context -> {
            UserStore store = new UserStore();
            for (RealmUser u : users) {
                store.addUser(u.name(), Credential.getCredential(u.password()), u.roles().toArray(String[]::new));
            }
            HashLoginService realm = new HashLoginService("stageline-test");
            realm.setUserStore(store);
            ConstraintSecurityHandler security = new ConstraintSecurityHandler();
            security.setLoginService(realm);
            // without an authenticator Jetty leaves no deferred authentication on the request and request.login
            // fails for every user ("Authentication failed"); any LoginAuthenticator will do, none is mandatory here
            security.setAuthenticator(new BasicAuthenticator());
            context.setSecurityHandler(security);
        });
    }
}
