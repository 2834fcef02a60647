package io.stageline.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the handler-mapping table, immutable. Exactly one of {@link #typeName()} ({@code type:}),
 * {@link #servletName()} ({@code servlet:}) or an explicit module list ({@code modules:}) says what runs the request;
 * a {@code servlet:} mapping may also name the native module that runs it ({@code ServletDelegation}).
 */
public final class HandlerMapping {
    /** The implicit module that runs {@code type:} and {@code servlet:} handlers; it exists in integrated mode only. */
    public static final String MANAGED_PIPELINE_HANDLER = "ManagedPipelineHandler";
    /** {@code servlet: "*"}: whatever non-default servlet the container mapped the request to. */
    public static final String ANY_SERVLET = "*";
    /** Default {@code responseBufferLimit}: 4 MiB. */
    public static final long DEFAULT_RESPONSE_BUFFER_LIMIT = 4L * 1024 * 1024;

    private final String name;
    private final String path;
    private final String verb;
    private final String typeName;
    private final RequestHandler handler;
    private final String servletName;
    private final List<String> modules;
    private final ResourceType resourceType;
    private final RequireAccess requireAccess;
    private final List<String> preConditions;
    private final boolean allowPathInfo;
    private final long responseBufferLimit;
    private final String source;

    private HandlerMapping(Builder b) {
        this.name = b.name;
        this.path = b.path;
        this.verb = b.verb;
        this.typeName = b.typeName;
        this.handler = b.handler;
        this.servletName = b.servletName;
        this.modules = b.modules.isEmpty() ? List.of(MANAGED_PIPELINE_HANDLER) : List.copyOf(b.modules);
        this.resourceType = b.resourceType;
        this.requireAccess = b.requireAccess;
        this.preConditions = List.copyOf(b.preConditions);
        this.allowPathInfo = b.allowPathInfo;
        this.responseBufferLimit = b.responseBufferLimit;
        this.source = b.source;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A copy of this mapping with the handler instance set (the compiler instantiates {@code type:} classes). */
    public HandlerMapping withHandler(RequestHandler instance) {
        Builder b = toBuilder();
        b.handler = instance;
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder(name).path(path).verb(verb).servlet(servletName)
                .resourceType(resourceType).requireAccess(requireAccess).allowPathInfo(allowPathInfo)
                .responseBufferLimit(responseBufferLimit).source(source);
        b.typeName = typeName;
        b.handler = handler;
        if (!(modules.size() == 1 && MANAGED_PIPELINE_HANDLER.equals(modules.get(0)) && typeName != null)) {
            b.modules.addAll(modules);
        }
        b.preConditions.addAll(preConditions);
        return b;
    }

    public String name() {
        return name;
    }

    /** The path mask as written, e.g. {@code *.jsp}, {@code /hello}, {@code api/*}. */
    public String path() {
        return path;
    }

    /** The verb list as written, e.g. {@code GET,POST} or {@code *}. */
    public String verb() {
        return verb;
    }

    public HandlerKind kind() {
        if (typeName != null || handler != null) {
            return HandlerKind.TYPE;
        }
        return servletName != null ? HandlerKind.SERVLET : HandlerKind.MODULES;
    }

    /** The {@code type:} class name, or null. */
    public String typeName() {
        return typeName;
    }

    /** The {@code type:} handler instance once compiled, or null. */
    public RequestHandler handler() {
        return handler;
    }

    /** The {@code servlet:} name ({@code "*"} = the container's mapping), or null. */
    public String servletName() {
        return servletName;
    }

    /** The modules that execute the request; {@code [ManagedPipelineHandler]} for type/servlet handlers. */
    public List<String> modules() {
        return modules;
    }

    /** True when ManagedPipelineHandler runs this mapping: the {@code managedHandler} precondition holds for it. */
    public boolean isManagedHandler() {
        return modules.contains(MANAGED_PIPELINE_HANDLER);
    }

    public ResourceType resourceType() {
        return resourceType;
    }

    public RequireAccess requireAccess() {
        return requireAccess;
    }

    public List<String> preConditions() {
        return preConditions;
    }

    public boolean allowPathInfo() {
        return allowPathInfo;
    }

    public long responseBufferLimit() {
        return responseBufferLimit;
    }

    /** Where the mapping was defined ({@code file:line:col}, or {@code code} for the builder), for messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "HandlerMapping[" + name + " path=" + path + " verb=" + verb + " " + kind() + "]";
    }

    /** Builds a mapping; {@link #build()} checks that exactly one kind of handler is given. */
    public static final class Builder {
        private final String name;
        private String path;
        private String verb = "*";
        private String typeName;
        private RequestHandler handler;
        private String servletName;
        private final List<String> modules = new ArrayList<>();
        private ResourceType resourceType = ResourceType.UNSPECIFIED;
        private RequireAccess requireAccess = RequireAccess.SCRIPT;
        private final List<String> preConditions = new ArrayList<>();
        private boolean allowPathInfo;
        private long responseBufferLimit = DEFAULT_RESPONSE_BUFFER_LIMIT;
        private String source = "code";

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder path(String mask) {
            this.path = mask;
            return this;
        }

        public Builder verb(String verbs) {
            this.verb = verbs;
            return this;
        }

        public Builder type(String className) {
            this.typeName = className;
            return this;
        }

        public Builder type(Class<? extends RequestHandler> type) {
            this.typeName = type.getName();
            return this;
        }

        public Builder handler(RequestHandler instance) {
            this.handler = instance;
            if (typeName == null) {
                typeName = instance.getClass().getName();
            }
            return this;
        }

        public Builder servlet(String servlet) {
            this.servletName = servlet;
            return this;
        }

        public Builder modules(String... names) {
            this.modules.addAll(Arrays.asList(names));
            return this;
        }

        public Builder resourceType(ResourceType type) {
            this.resourceType = type;
            return this;
        }

        public Builder requireAccess(RequireAccess access) {
            this.requireAccess = access;
            return this;
        }

        public Builder preCondition(String... tokens) {
            this.preConditions.addAll(Arrays.asList(tokens));
            return this;
        }

        public Builder allowPathInfo(boolean allow) {
            this.allowPathInfo = allow;
            return this;
        }

        public Builder responseBufferLimit(long bytes) {
            this.responseBufferLimit = bytes;
            return this;
        }

        public Builder source(String where) {
            this.source = where;
            return this;
        }

        public HandlerMapping build() {
            if (path == null || path.isEmpty()) {
                throw new IllegalArgumentException("handler '" + name + "' has no path");
            }
            if (verb == null || verb.isBlank()) {
                throw new IllegalArgumentException("handler '" + name + "' has no verb");
            }
            if (typeName != null && servletName != null) {
                throw new IllegalArgumentException("handler '" + name + "' names both type and servlet");
            }
            if (typeName == null && servletName == null && modules.isEmpty()) {
                throw new IllegalArgumentException("handler '" + name + "' needs one of type, servlet or modules");
            }
            if (typeName != null && !modules.isEmpty()) {
                throw new IllegalArgumentException("handler '" + name + "' names both type and modules");
            }
            if (responseBufferLimit < 0) {
                throw new IllegalArgumentException("handler '" + name + "' has a negative responseBufferLimit");
            }
            return new HandlerMapping(this);
        }
    }
}
