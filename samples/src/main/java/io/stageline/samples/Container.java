package io.stageline.samples;

/**
 * The containers the launcher can run. Each has its own folder of jars in the launcher jar ({@code lib/<id>}) and a
 * starter class that is loaded from there, never from the launcher's own class path.
 */
enum Container {
    JETTY("jetty", "io.stageline.samples.jetty.JettyStarter"),
    TOMCAT("tomcat", "io.stageline.samples.tomcat.TomcatStarter");

    private final String id;
    private final String starterClass;

    Container(String id, String starterClass) {
        this.id = id;
        this.starterClass = starterClass;
    }

    /** The name on the command line, in the Started line and of the {@code lib/} folder. */
    String id() {
        return id;
    }

    String starterClass() {
        return starterClass;
    }

    /** The container named {@code id}, or null. */
    static Container byId(String id) {
        for (Container c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
