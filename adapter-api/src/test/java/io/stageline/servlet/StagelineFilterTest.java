package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
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
    @CsvSource({"/a/../b.html", "/a/./b.html", "/a//b.html", "/a;x=1/b.html", "/a\\b.html"})
    void aPathTheContainerLeftNonCanonicalIsRejectedWith400(String servletPath) throws Exception {
        request("GET", servletPath, servletPath, MappingMatch.DEFAULT, "default");
        filter(Stageline.builder().build()).doFilter(req, resp, chain);
        verify(resp).sendError(400);
        verify(chain, never()).doFilter(any(ServletRequest.class), any(ServletResponse.class));
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
        filter(Stageline.builder().build()).doFilter(req, resp, (r, s) -> {
            seen.set(r);
            seenResp.set(s);
        });
        assertSame(req, seen.get());
        assertSame(resp, seenResp.get());
    }
}
