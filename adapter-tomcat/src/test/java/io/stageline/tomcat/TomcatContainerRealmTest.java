package io.stageline.tomcat;

import io.stageline.servlet.ContainerRealmScenarios;
import io.stageline.servlet.TestContainer;
import java.util.List;

/**
 * {@code credentials: { store: container }} on Tomcat 11: the users and roles live in the embedded Tomcat's engine
 * realm ({@code Tomcat.addUser}/{@code addRole}); the context has no security constraints, so Tomcat protects nothing.
 */
class TomcatContainerRealmTest extends ContainerRealmScenarios {
    @Override
    protected TestContainer newContainerWithUsers(List<RealmUser> users) {
        return new TomcatTestContainer((tomcat, ctx) -> {
            for (RealmUser u : users) {
                tomcat.addUser(u.name(), u.password());
                for (String role : u.roles()) {
                    tomcat.addRole(u.name(), role);
                }
            }
        });
    }
}
