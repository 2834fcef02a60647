package io.stageline.engine;

/**
 * Adds what every redirect of the request must carry (IIS {@code httpProtocol/redirectHeaders}). When a module of the
 * effective list implements this interface, the engine calls it once per response, just before a redirect is sent:
 * from {@link Exchange#redirect(String, int)} (courtesy redirects, HttpRedirection, custom-error redirects, modules
 * and handlers), and at the end of the ordinary stages for an uncommitted 3xx response that carries a
 * {@code Location} header. Exceptions are not caught: they fail the request like any module error.
 */
public interface RedirectDecorator {

    /** Sets the redirect's extra response headers; the response is not committed yet. */
    void beforeRedirect(Exchange x);
}
