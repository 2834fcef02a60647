package io.stageline.engine;

import io.stageline.api.PipelineModule;

/** A module in the effective module list: its name, instance, kind and position. Immutable. */
public final class ModuleSlot {
    private final String name;
    private final PipelineModule module;
    private final boolean managed;
    private final boolean managedHandlerOnly;
    private final int position;

    ModuleSlot(String name, PipelineModule module, boolean managed, boolean managedHandlerOnly, int position) {
        this.name = name;
        this.module = module;
        this.managed = managed;
        this.managedHandlerOnly = managedHandlerOnly;
        this.position = position;
    }

    public String name() {
        return name;
    }

    public PipelineModule module() {
        return module;
    }

    /** True for managed modules (Java classes given by type, and the managed built-ins). */
    public boolean managed() {
        return managed;
    }

    /** True when the module carries an effective {@code managedHandler} precondition. */
    public boolean managedHandlerOnly() {
        return managedHandlerOnly;
    }

    /** Position in the effective module list (0-based). */
    public int position() {
        return position;
    }

    @Override
    public String toString() {
        return name;
    }
}
