package io.stageline.servlet;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Guarantees END_REQUEST for requests whose handler went async: when the container ends the request, a pipeline that
 * is still suspended is resumed (once; see {@link AsyncResumer}). Registered with the filter by
 * {@link StagelineInitializer#install}.
 */
final class RequestEndListener implements ServletRequestListener {

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        Object x = event.getServletRequest().getAttribute(StagelineFilter.EXCHANGE_ATTRIBUTE);
        if (x instanceof ServletExchange exchange && exchange.resumer() != null) {
            exchange.resumer().finish();
        }
    }
}
