package io.stageline.servlet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Keeps the content type Stageline's MIME map chose for a static file when the container's default servlet would
 * set a different one. Installed only for files whose configured type differs from the container's own mapping, so
 * every other static response stays unwrapped.
 */
final class ContentTypeGuard extends HttpServletResponseWrapper {
    private final String contentType;

    ContentTypeGuard(HttpServletResponse response, String contentType) {
        super(response);
        this.contentType = contentType;
        response.setContentType(contentType);
    }

    @Override
    public void setContentType(String type) {
        // the MIME map decided
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Type".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Type".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    /** The media type without parameters, lower-cased, or null. */
    static String mediaType(String type) {
        if (type == null) {
            return null;
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }
}
