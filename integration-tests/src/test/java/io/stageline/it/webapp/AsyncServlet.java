package io.stageline.it.webapp;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** An asynchronous servlet ({@code /async}): answers {@code async done} from another thread, then completes. */
public class AsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        Recordings.record(req.getHeader(Recordings.ID_HEADER), "EXECUTE_REQUEST_HANDLER:async");
        AsyncContext async = req.startAsync();
        async.start(() -> {
            try {
                resp.setContentType("text/plain;charset=UTF-8");
                resp.getWriter().print("async done");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } finally {
                async.complete();
            }
        });
    }
}
