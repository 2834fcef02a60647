package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The servlet specification's mapping rules, used for rewritten paths and child requests. */
class ServletMappingIndexTest {

    private static ServletMappingIndex index() {
        Map<String, ServletRegistration> regs = new LinkedHashMap<>();
        regs.put("default", reg("/"));
        regs.put("jsp", reg("*.jsp", "*.jspx"));
        regs.put("api", reg("/api/*"));
        regs.put("apiV2", reg("/api/v2/*"));
        regs.put("hello", reg("/hello"));
        regs.put("root", reg(""));
        ServletContext ctx = mock(ServletContext.class);
        when(ctx.getServletRegistrations()).thenAnswer(i -> regs);
        return new ServletMappingIndex(ctx);
    }

    private static ServletRegistration reg(String... patterns) {
        ServletRegistration r = mock(ServletRegistration.class);
        when(r.getMappings()).thenReturn(List.of(patterns));
        return r;
    }

    @ParameterizedTest
    @CsvSource({
        "/hello, hello",
        "/hello/x, ''",
        "/api, api",
        "/api/users, api",
        "/api/v2/users, apiV2",
        "/api/v2, apiV2",
        "/apix, ''",
        "/page.jsp, jsp",
        "/api/page.jsp, api",
        "/dir.jsp/x.html, ''",
        "/, root",
        "/style.css, ''"})
    void pathsMapByExactThenLongestPrefixThenExtensionElseDefault(String path, String expected) {
        String servlet = index().servletFor(path);
        assertEquals(expected, servlet == null ? "" : servlet);
    }

    @ParameterizedTest
    @CsvSource({"default"})
    void theServletMappedToSlashIsTheDefaultServlet(String name) {
        assertEquals(name, index().defaultServletName());
    }
}
