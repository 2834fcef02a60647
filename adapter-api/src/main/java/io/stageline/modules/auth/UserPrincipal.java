package io.stageline.modules.auth;

import java.security.Principal;

/** The principal the built-in authentication modules set: just the user name. */
public record UserPrincipal(String name) implements Principal {
    public UserPrincipal {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a user name must not be empty");
        }
    }

    @Override
    public String getName() {
        return name;
    }
}
