package io.stageline.api;

/** How a handler mapping produces its response. */
public enum HandlerKind {
    /** {@code type:} a {@link RequestHandler} class, run by the implicit ManagedPipelineHandler module. */
    TYPE,
    /** {@code servlet:} a servlet of the web application (by name, or {@code "*"} = the container's mapping). */
    SERVLET,
    /** {@code modules:} native handler modules only (StaticFile, DefaultDocument, ProtocolSupport, ...). */
    MODULES
}
