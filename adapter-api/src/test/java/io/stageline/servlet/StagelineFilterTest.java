package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.stageline.Stageline;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.CompiledPipeline;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The filter at the servlet boundary, with the container mocked. */
class StagelineFilterTest {
    @TempDir
    Path root;

    private final ServletContext context = mock(ServletContext.class);
    private final HttpServletRequest req = mock(HttpServletRequest.class);
    private final HttpServletResponse resp = mock(HttpServletResponse.class);
    private final FilterChain chain = mock(FilterChain.class);

    private void request(String method, String servletPath, String uri, MappingMatch match, String servlet)
            throws Exception {
        when(req.getMethod()).thenReturn(method);
        when(req.getServletPath()).thenReturn(servletPath);
        when(req.getRequestURI()).thenReturn(uri);
        when(req.getContextPath()).thenReturn("");
        when(req.getRemoteAddr()).thenReturn("127.0.0.1");
        when(req.getServletContext()).thenReturn(context);
        when(req.getHeaderNames()).thenReturn(Collections.enumeration(java.util.List.of("Accept")));
        when(req.getHeader("Accept")).thenReturn("*/*");
        HttpServletMapping mapping = mock(HttpServletMapping.class);
        when(mapping.getMappingMatch()).thenReturn(match);
        when(mapping.getServletName()).thenReturn(servlet);
        when(req.getHttpServletMapping()).thenReturn(mapping);
        when(context.getServletRegistrations()).thenReturn(Collections.emptyMap());
        when(context.getRealPath(anyString())).thenAnswer(i -> root.resolve(
                ((String) i.getArgument(0)).substring(1)).toString());
        when(context.getResource(anyString())).thenAnswer(i -> {
            Path p = root.resolve(((String) i.getArgument(0)).substring(1));
            return Files.exists(p) ? p.toUri().toURL() : null;
        });
        when(resp.getStatus()).thenReturn(200);
    }

    private StagelineFilter filter(CompiledPipeline pipeline) throws Exception {
        return new StagelineFilter(pipeline);
    }

    @Test
    void aStaticFileReachesTheDefaultServletWithTheContainersOwnRequestAndResponse() throws Exception {
        Files.writeString(root.resolve("a.html"), "x");
        request("GET", "/a.html", "/a.html", MappingMatch.DEFAULT, "default");
        filter(Stageline.builder().build()).doFilter(req, resp, chain);
        verify(chain).doFilter(req, resp);
    }

    @Test
    void repeatedRequestsForOneFileAskTheContainerWhatItIsOnceWithinTheFileCacheTtl() throws Exception {
        Files.writeString(root.resolve("a.html"), "x");
        request("GET", "/a.html", "/a.html", MappingMatch.DEFAULT, "default");
        StagelineFilter f = filter(Stageline.builder().build());
        f.doFilter(req, resp, chain);
        f.doFilter(req, resp, chain);
        verify(chain, times(2)).doFilter(req, resp);
        verify(context, times(1)).getRealPath("/a.html");
    }

    @Test
    void theClientAddressIsNotAskedForWhenNoAccessPolicyFlagDependsOnIt() throws Exception {
        Files.writeString(root.resolve("a.html"), "x");
        request("GET", "/a.html", "/a.html", MappingMatch.DEFAULT, "default");
        filter(Stageline.builder().build()).doFilter(req, resp, chain);
        verify(chain).doFilter(req, resp);
        verify(req, never()).getRemoteAddr();
    }

    @Test
    void aNoRemoteReadPolicyRefusesAStaticFileToARemoteClientOnly() throws Exception {
        Files.writeString(root.resolve("a.html"), "x");
        request("GET", "/a.html", "/a.html", MappingMatch.DEFAULT, "default");
        StagelineFilter f = filter(Stageline.builder().accessPolicy("Read, Script, NoRemoteRead").build());
        f.doFilter(req, resp, chain);
        verify(chain).doFilter(req, resp);
        when(req.getRemoteAddr()).thenReturn("192.0.2.7");
        captureBody();
        f.doFilter(req, resp, chain);
        verify(resp, atLeastOnce()).setStatus(403);
        verify(chain, times(1)).doFilter(any(ServletRequest.class), any(ServletResponse.class));
    }

    @Test
    void withTheFileCacheOffEveryRequestAsksTheContainer() throws Exception {
        Files.writeString(root.resolve("a.html"), "x");
        request("GET", "/a.html", "/a.html", MappingMatch.DEFAULT, "default");
        StagelineFilter f = filter(Stageline.builder().resourceCacheTtl(java.time.Duration.ZERO).build());
        f.doFilter(req, resp, chain);
        f.doFilter(req, resp, chain);
        verify(chain, times(2)).doFilter(req, resp);
        verify(context, times(2)).getRealPath("/a.html");
    }

    @Test
    void aDispatchOfARequestAlreadyInThePipelinePassesStraightThrough() throws Exception {
        request("GET", "/a.html", "/a.html", MappingMatch.DEFAULT, "default");
        when(req.getAttribute(StagelineFilter.EXCHANGE_ATTRIBUTE)).thenReturn(new Object());
        PipelineModule failing = new PipelineModule() {
            @Override
            public void init(ModuleSetup setup) {
                setup.subscribe(PipelineStage.BEGIN_REQUEST);
            }

            @Override
            public void handle(RequestContext ctx) {
                throw new AssertionError("a second pipeline started");
            }
        };
        filter(Stageline.builder().addNativeModule("Fail", failing, ModuleSettings.empty()).build())
                .doFilter(req, resp, chain);
        verify(chain).doFilter(req, resp);
        verify(req, never()).setAttribute(eq(StagelineFilter.EXCHANGE_ATTRIBUTE), any());
    }

    @ParameterizedTest
    @CsvSource({"/a/../b.html", "/a/./b.html", "/a//b.html", "/a;x=1/b.html", "/a\\b.html", "/a./b.html"})
    void aPathTheContainerLeftNonCanonicalIsRejectedWith400(String servletPath) throws Exception {
        request("GET", servletPath, servletPath, MappingMatch.DEFAULT, "default");
        ByteArrayOutputStream body = captureBody();
        filter(Stageline.builder().addNativeModule("Tripwire", TRIPWIRE, ModuleSettings.empty()).build())
                .doFilter(req, resp, chain);
        verify(resp, atLeastOnce()).setStatus(400);
        assertTrue(body.toString(StandardCharsets.UTF_8).contains("stageline-status: 400.0"), body.toString());
        verify(chain, never()).doFilter(any(ServletRequest.class), any(ServletResponse.class));
    }

    /** Tomcat resolves these itself and hands the filter a clean servlet path; the raw URI still decides. */
    @ParameterizedTest
    @CsvSource({"/x/..;/admin/a.html, /admin/a.html", "/x/%2e%2e/admin/a.html, /admin/a.html",
        "//admin/a.html, /admin/a.html", "/admin;x=y/a.html, /admin/a.html", "/admin./a.html, /admin./a.html"})
    void aCleanServletPathWithAnAmbiguousRawUriIsRejectedBeforeAnyModuleRuns(String rawUri, String servletPath)
            throws Exception {
        request("GET", servletPath, rawUri, MappingMatch.DEFAULT, "default");
        ByteArrayOutputStream body = captureBody();
        filter(Stageline.builder().addNativeModule("Tripwire", TRIPWIRE, ModuleSettings.empty()).build())
                .doFilter(req, resp, chain);
        verify(resp, atLeastOnce()).setStatus(400);
        String page = body.toString(StandardCharsets.UTF_8);
        assertTrue(page.contains("HTTP Error 400.0"), page);
        assertTrue(page.contains("Rejected URL: "), page);
        assertTrue(page.contains(rawUri.replace("&", "&amp;")), page);
        verify(chain, never()).doFilter(any(ServletRequest.class), any(ServletResponse.class));
    }

    @Test
    void aTrailingSessionIdTheContainerStrippedIsAccepted() throws Exception {
        Files.writeString(root.resolve("a.html"), "x");
        request("GET", "/a.html", "/a.html;jsessionid=0123ABCD.node1", MappingMatch.DEFAULT, "default");
        filter(Stageline.builder().build()).doFilter(req, resp, chain);
        verify(chain).doFilter(req, resp);
    }

    @Test
    void theErrorPageShowsControlCharactersOfTheRawUriPercentEncoded() {
        assertEquals("/a%0ab%c3%a9%20", StagelineFilter.printable("/a\nb\u00e9 "));
    }

    private static final PipelineModule TRIPWIRE = new PipelineModule() {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.BEGIN_REQUEST, PipelineStage.LOG_REQUEST, PipelineStage.END_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            throw new AssertionError("a module ran for a rejected path: " + ctx.stage());
        }
    };

    private ByteArrayOutputStream captureBody() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] status = {200};
        doAnswer(i -> status[0] = i.getArgument(0)).when(resp).setStatus(anyInt());
        when(resp.getStatus()).thenAnswer(i -> status[0]);
        when(resp.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                // blocking test stream
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        });
        return body;
    }

    @Test
    void aDirectoryUrlTheContainerMappedToAWelcomeFileKeepsTheDirectoryPath() {
        when(req.getServletPath()).thenReturn("/docs/index.jsp");
        when(req.getRequestURI()).thenReturn("/docs/");
        assertEquals("/docs/", StagelineFilter.canonicalPath(req));
    }

    @Test
    void headersChangedByAModuleAreSeenThroughEveryHeaderAccessorOfTheServlet() throws Exception {
        request("GET", "/legacy", "/legacy", MappingMatch.EXACT, "legacy");
        PipelineModule setter = new PipelineModule() {
            @Override
            public void init(ModuleSetup setup) {
                setup.subscribe(PipelineStage.BEGIN_REQUEST);
            }

            @Override
            public void handle(RequestContext ctx) {
                ctx.setRequestHeader("X-Count", "42");
                ctx.setRequestHeader("If-Modified-Since", "Sun, 06 Nov 1994 08:49:37 GMT");
                ctx.removeRequestHeader("Accept");
            }
        };
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        FilterChain capturing = (r, s) -> seen.set(r);
        filter(Stageline.builder().addNativeModule("Setter", setter, ModuleSettings.empty()).build())
                .doFilter(req, resp, capturing);
        HttpServletRequest r = assertInstanceOf(HttpServletRequest.class, seen.get());
        assertEquals(42, r.getIntHeader("X-Count"));
        assertEquals(784111777000L, r.getDateHeader("If-Modified-Since"));
        assertNull(r.getHeader("Accept"));
        assertEquals(java.util.List.of("X-Count", "If-Modified-Since"), Collections.list(r.getHeaderNames()));
    }

    @Test
    void aLegacyServletMappedByTheContainerRunsThroughTheChainUnwrapped() throws Exception {
        request("POST", "/legacy", "/legacy", MappingMatch.EXACT, "legacy");
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        AtomicReference<ServletResponse> seenResp = new AtomicReference<>();
        // CustomErrors (a default module) watches servlets for sendError unless existingResponse is PassThrough
        filter(Stageline.builder(java.util.Map.of(Stageline.CUSTOM_ERRORS, io.stageline.api.ModuleSettings.of(
                java.util.Map.of("existingResponse", "PassThrough")))).build()).doFilter(req, resp, (r, s) -> {
                    seen.set(r);
                    seenResp.set(s);
                });
        assertSame(req, seen.get());
        assertSame(resp, seenResp.get());
    }
}
