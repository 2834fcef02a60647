package io.stageline.it;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row of the conformance table: a request ({@code method} on {@code /<app><path>} with {@code headers}) and what
 * both containers must answer. {@code substatus} is Stageline's {@code status.substatus} marker in its error page
 * ({@code <!-- stageline-status: 404.0 -->}), null when no Stageline page is expected; {@code markers} must be in the
 * body, {@code absent} must not; {@code contentType} (media type only) and {@code location} (path and query of the
 * {@code Location} header) are checked when not null; {@code stages} is the recording of the test modules (see
 * {@code io.stageline.it.webapp.Recordings}), null when not checked.
 */
record Scenario(String name, Set<Install> installs, String app, String method, String path, Map<String, String> headers,
        int status, String substatus, List<String> markers, List<String> absent, String contentType, String location,
        List<String> stages) {

    static Builder row(String name) {
        return new Builder(name);
    }

    /** The request target below the server's root, e.g. {@code integrated/docs?a=b}. */
    String target() {
        return app + path;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a row: the request first, then the expectations. */
    static final class Builder {
        private final String name;
        private Set<Install> installs = EnumSet.allOf(Install.class);
        private String app;
        private String method = "GET";
        private String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private int status;
        private String substatus;
        private final List<String> markers = new ArrayList<>();
        private final List<String> absent = new ArrayList<>();
        private String contentType;
        private String location;
        private List<String> stages;

        private Builder(String name) {
            this.name = name;
        }

        Builder request(String method, String app, String path) {
            this.method = method;
            this.app = app;
            this.path = path;
            return this;
        }

        Builder get(String app, String path) {
            return request("GET", app, path);
        }

        Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Builder only(Install install) {
            installs = EnumSet.of(install);
            return this;
        }

        Builder status(int status) {
            this.status = status;
            return this;
        }

        /** A Stageline error page with this {@code status.substatus}; the status is its first part. */
        Builder error(String statusDotSubstatus) {
            this.status = Integer.parseInt(statusDotSubstatus.substring(0, statusDotSubstatus.indexOf('.')));
            this.substatus = statusDotSubstatus;
            return this;
        }

        Builder body(String... markers) {
            this.markers.addAll(List.of(markers));
            return this;
        }

        Builder notInBody(String... markers) {
            absent.addAll(List.of(markers));
            return this;
        }

        Builder contentType(String mediaType) {
            contentType = mediaType;
            return this;
        }

        Builder location(String pathAndQuery) {
            location = pathAndQuery;
            return this;
        }

        Builder stages(StageSequence sequence) {
            stages = sequence.list();
            return this;
        }

        Scenario build() {
            return new Scenario(name, installs, app, method, path, Map.copyOf(headers), status, substatus,
                    List.copyOf(markers), List.copyOf(absent), contentType, location, stages);
        }
    }
}
