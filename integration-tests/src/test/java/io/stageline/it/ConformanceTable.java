package io.stageline.it;

import static io.stageline.api.PipelineStage.AUTHORIZE_REQUEST;
import static io.stageline.api.PipelineStage.BEGIN_REQUEST;
import static io.stageline.api.PipelineStage.END_REQUEST;
import static io.stageline.api.PipelineStage.LOG_REQUEST;
import static io.stageline.api.PipelineStage.POST_EXECUTE_REQUEST_HANDLER;
import static io.stageline.api.PipelineStage.POST_RESOLVE_REQUEST_CACHE;
import static io.stageline.api.PipelineStage.PRE_EXECUTE_REQUEST_HANDLER;
import static io.stageline.it.Scenario.row;

import java.util.ArrayList;
import java.util.List;

/**
 * The conformance scenarios, written once: every row runs on Jetty and on Tomcat (and on both install routes unless it
 * says otherwise), and both containers must give the same observation. The applications are {@link ConformanceApps};
 * the managed modules {@code Recorder} (every request) and {@code ManagedRecorder} ({@code preCondition:
 * managedHandler}) record the stages they run in, the servlets record {@code EXECUTE_REQUEST_HANDLER:servlet|async}.
 */
final class ConformanceTable {
    private static final String R = "Recorder";
    private static final String MR = "ManagedRecorder";
    private static final String COMPLETE = "X-Conformance-Complete";
    private static final String THROW = "X-Conformance-Throw";
    private static final String SERVLET_BODY = "servlet:GET:/legacy:/report";
    private static final String MIGRATE = "stageline migrate";
    private static final String CLASSIC_FIX = "pipelineMode: classic";

    private ConformanceTable() {
    }

    static List<Scenario> all() {
        List<Scenario> rows = new ArrayList<>();
        rows.addAll(integratedOrder());
        rows.addAll(completionAndErrors());
        rows.addAll(handlerOutcomes());
        rows.addAll(classicMode());
        rows.addAll(serverWideOnly());
        return rows;
    }

    private static List<Scenario> integratedOrder() {
        return List.of(
                row("integrated static file: every stage, managedHandler module absent")
                        .get("integrated", "/hello.html").status(200).body("<p>hello static</p>").contentType("text/html")
                        .stages(staticFile(R)).build(),
                row("integrated servlet: every stage, managedHandler module present, servlet inside EXECUTE")
                        .get("integrated", "/legacy/report").status(200).body(SERVLET_BODY)
                        .stages(servlet(StageSequence.integrated(), "servlet", R, MR)).build(),
                row("legacy servlet wrapping: the servlet sees the header the modules set (the last one wins)")
                        .get("integrated", "/legacy/report?x=1").status(200)
                        .body(SERVLET_BODY + ":header=ManagedRecorder")
                        .stages(servlet(StageSequence.integrated(), "servlet", R, MR)).build(),
                row("integrated type: handler is a managed-handler request")
                        .get("integrated", "/yaml-hello").status(200).body("hello from YamlHello")
                        .stages(StageSequence.integrated().stages(BEGIN_REQUEST, END_REQUEST, R, MR)).build(),
                row("the server-level MIME map reaches the application")
                        .get("integrated", "/notes.custom").status(200).body("custom type")
                        .contentType("text/x-conformance").stages(staticFile(R)).build(),
                row("async servlet: post-handler stages after the async cycle, END_REQUEST once")
                        .get("integrated", "/async").status(200).body("async done")
                        .stages(servlet(StageSequence.integrated(), "async", R, MR)).build());
    }

    private static List<Scenario> completionAndErrors() {
        return List.of(
                row("completeRequest in AUTHORIZE_REQUEST: end stages only, handler not reached")
                        .get("integrated", "/legacy/report").header(COMPLETE, "AUTHORIZE_REQUEST")
                        .status(200).body("completed in AUTHORIZE_REQUEST").notInBody("servlet:")
                        .stages(StageSequence.integrated().stages(BEGIN_REQUEST, AUTHORIZE_REQUEST, R, MR)
                                .stages(LOG_REQUEST, END_REQUEST, R, MR)).build(),
                row("completeRequest in LOG_REQUEST skips nothing")
                        .get("integrated", "/legacy/report").header(COMPLETE, "LOG_REQUEST")
                        .status(200).body(SERVLET_BODY).notInBody("completed in")
                        .stages(servlet(StageSequence.integrated(), "servlet", R, MR)).build(),
                row("module throws in AUTHORIZE_REQUEST: 500.0, error event once, end stages, handler not reached")
                        .get("integrated", "/legacy/report").header(THROW, "AUTHORIZE_REQUEST")
                        .error("500.0").body("Thrower", "AuthorizeRequest", "java.lang.IllegalStateException")
                        .notInBody("servlet:", "at io.stageline")
                        .stages(StageSequence.integrated().stages(BEGIN_REQUEST, AUTHORIZE_REQUEST, R, MR)
                                .event("ERROR:" + R).event("ERROR:" + MR).stages(LOG_REQUEST, END_REQUEST, R, MR))
                        .build(),
                row("module throws in BEGIN_REQUEST of a static file: 500.0 and end stages")
                        .get("integrated", "/hello.html").header(THROW, "BEGIN_REQUEST")
                        .error("500.0").body("Thrower", "BeginRequest").notInBody("hello static")
                        .stages(StageSequence.integrated().stages(BEGIN_REQUEST, BEGIN_REQUEST, R).event("ERROR:" + R)
                                .stages(LOG_REQUEST, END_REQUEST, R)).build());
    }

    private static List<Scenario> handlerOutcomes() {
        return List.of(
                row("no handler mapping matches: 404.4 as MAP_REQUEST_HANDLER begins")
                        .get("cleared", "/hello.html").error("404.4").body("MapRequestHandler").notInBody("hello static")
                        .stages(untilMapping(R)).build(),
                row("extension missing from the MIME map: 404.3 from the StaticFile handler")
                        .get("integrated", "/data.unknownext").error("404.3").body("ExecuteRequestHandler")
                        .notInBody("content of an unknown type").stages(staticFile(R)).build(),
                row("missing file: 404.0 as MAP_REQUEST_HANDLER begins, with its would-be physical path")
                        .get("integrated", "/missing.html").error("404.0")
                        .body("MapRequestHandler", "webapps/integrated/missing.html").stages(untilMapping(R)).build(),
                row("directory without default document: 403.14")
                        .get("integrated", "/empty/").error("403.14").notInBody("not a default document")
                        .stages(staticFile(R)).build(),
                row("POST to a static file: 405.0")
                        .request("POST", "integrated", "/hello.html").error("405.0").notInBody("hello static")
                        .stages(staticFile(R)).build(),
                row("directory without slash: 301 courtesy redirect keeping the query")
                        .get("integrated", "/docs?a=b").status(301).location("/integrated/docs/?a=b")
                        .stages(staticFile(R)).build(),
                row("directory with slash: default document as a child request through the pipeline")
                        .get("integrated", "/docs/").status(200).body("docs index")
                        .stages(StageSequence.integrated().stages(BEGIN_REQUEST, PRE_EXECUTE_REQUEST_HANDLER, R)
                                .child(staticFile(R)).stages(POST_EXECUTE_REQUEST_HANDLER, END_REQUEST, R)).build(),
                row("type: mapping in classic mode: 500.21")
                        .get("classic-type", "/yaml-hello").error("500.21")
                        .body("Handler &#39;YamlHello&#39; has a bad module &#39;ManagedPipelineHandler&#39;")
                        .notInBody("hello from").stages(StageSequence.classic()).build(),
                row("legacy.httpModules in integrated mode: 500.22 for a static file too, before BEGIN_REQUEST's modules")
                        .get("legacy-modules", "/hello.html").error("500.22").body(MIGRATE, CLASSIC_FIX)
                        .notInBody("hello static")
                        .stages(StageSequence.integrated().stages(LOG_REQUEST, END_REQUEST, R)).build(),
                row("legacy.httpHandlers in integrated mode: 500.23 for a static file too, before BEGIN_REQUEST's modules")
                        .get("legacy-handlers", "/hello.html").error("500.23").body(MIGRATE, CLASSIC_FIX)
                        .notInBody("hello static")
                        .stages(StageSequence.integrated().stages(LOG_REQUEST, END_REQUEST, R)).build());
    }

    private static List<Scenario> classicMode() {
        return List.of(
                row("classic servlet: legacy modules in a nested pipeline inside EXECUTE, no writable headers")
                        .get("classic", "/legacy/report").status(200).body(SERVLET_BODY + ":header=null")
                        .stages(servlet(StageSequence.classic(), "servlet", R)).build(),
                row("classic static file: native modules only, no legacy module runs")
                        .get("classic", "/hello.html").status(200).body("<p>hello static</p>")
                        .stages(StageSequence.classic()).build(),
                row("classic completeRequest: straight to the nested END_REQUEST")
                        .get("classic", "/legacy/report").header(COMPLETE, "AUTHORIZE_REQUEST")
                        .status(200).body("completed in AUTHORIZE_REQUEST").notInBody("servlet:")
                        .stages(StageSequence.classic().stages(BEGIN_REQUEST, AUTHORIZE_REQUEST, R)
                                .stages(END_REQUEST, END_REQUEST, R)).build(),
                row("classic module throws: 500.0, straight to the nested END_REQUEST")
                        .get("classic", "/legacy/report").header(THROW, "AUTHORIZE_REQUEST")
                        .error("500.0").body("Thrower").notInBody("servlet:")
                        .stages(StageSequence.classic().stages(BEGIN_REQUEST, AUTHORIZE_REQUEST, R)
                                .event("ERROR:" + R).stages(END_REQUEST, END_REQUEST, R)).build(),
                row("classic missing file: 404.0 from the native pipeline")
                        .get("classic", "/missing.html").error("404.0").stages(StageSequence.classic()).build());
    }

    private static List<Scenario> serverWideOnly() {
        return List.of(
                row("server-wide: an application without stageline.yaml serves static files through Stageline")
                        .only(Install.SERVER_WIDE).get("plain", "/notes.custom").status(200).body("custom type")
                        .contentType("text/x-conformance").stages(StageSequence.integrated()).build(),
                row("server-wide: an application without stageline.yaml gets Stageline's 404.0")
                        .only(Install.SERVER_WIDE).get("plain", "/missing.html").error("404.0")
                        .stages(StageSequence.integrated()).build(),
                row("server-wide: an application without stageline.yaml runs its servlet through Stageline")
                        .only(Install.SERVER_WIDE).get("plain", "/legacy/report").status(200)
                        .body(SERVLET_BODY + ":header=null")
                        .stages(StageSequence.integrated().event("EXECUTE_REQUEST_HANDLER:servlet")).build());
    }

    /** A static file or any StaticFile-handler outcome: every stage, managed-handler modules absent. */
    private static StageSequence staticFile(String module) {
        return StageSequence.integrated().stages(BEGIN_REQUEST, END_REQUEST, module);
    }

    /** A request refused as MAP_REQUEST_HANDLER begins (404.4, 404.0): its modules and the rest skipped, end stages run. */
    private static StageSequence untilMapping(String module) {
        return StageSequence.integrated().stages(BEGIN_REQUEST, POST_RESOLVE_REQUEST_CACHE, module)
                .stages(LOG_REQUEST, END_REQUEST, module);
    }

    private static StageSequence servlet(StageSequence s, String handler, String... modules) {
        return s.stages(BEGIN_REQUEST, PRE_EXECUTE_REQUEST_HANDLER, modules)
                .event("EXECUTE_REQUEST_HANDLER:" + handler)
                .stages(POST_EXECUTE_REQUEST_HANDLER, END_REQUEST, modules);
    }
}
