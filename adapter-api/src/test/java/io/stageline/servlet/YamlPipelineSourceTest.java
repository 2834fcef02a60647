package io.stageline.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigProblem;
import io.stageline.config.ConfigurationException;
import io.stageline.engine.CompiledPipeline;
import io.stageline.match.HandlerTable;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link YamlPipelineSource} and the choice {@link StagelineInitializer}'s filter makes, on a mocked context. */
class YamlPipelineSourceTest {
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final List<CompiledPipeline> opened = new ArrayList<>();
    private final String savedProperty = System.getProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY);

    @TempDir
    Path temp;

    @BeforeEach
    void noServerFileProperty() {
        System.clearProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY);
    }

    @AfterEach
    void cleanUp() {
        if (savedProperty == null) {
            System.clearProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY);
        } else {
            System.setProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY, savedProperty);
        }
        opened.forEach(CompiledPipeline::close);
    }

    private ServletContext context(String contextPath, String yaml) {
        ServletContext ctx = mock(ServletContext.class);
        when(ctx.getContextPath()).thenReturn(contextPath);
        when(ctx.getClassLoader()).thenReturn(getClass().getClassLoader());
        when(ctx.getResourceAsStream(YamlPipelineSource.APP_CONFIG_RESOURCE)).thenAnswer(inv -> yaml == null ? null
                : new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        doAnswer(inv -> logged.add(inv.getArgument(0))).when(ctx).log(anyString());
        return ctx;
    }

    private CompiledPipeline load(PipelineSource source, ServletContext ctx) throws Exception {
        CompiledPipeline p = source.load(ctx);
        opened.add(p);
        return p;
    }

    private static List<String> handlerNames(CompiledPipeline p) {
        HandlerTable t = p.handlers();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            names.add(t.mapping(i).name());
        }
        return names;
    }

    private static String mapping(String name) {
        return "handlers:\n  list:\n    - add: " + name + "\n      path: \"*.do\"\n      verb: GET\n      servlet: legacy\n";
    }

    @Test
    void theApplicationFileOfANonRootContextIsNamedWithItsContextPath() {
        ServletContext ctx = context("/shop", "pipelineMode: integrated\nbogus: 1\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new YamlPipelineSource().load(ctx));
        ConfigProblem p = e.problems().get(0);
        assertEquals("shop/WEB-INF/stageline.yaml", p.file());
        assertEquals(2, p.line());
        assertEquals(1, p.column());
        assertTrue(logged.stream().anyMatch(l -> l.contains("shop/WEB-INF/stageline.yaml:2:1 SL-CFG-004")), logged.toString());
        assertTrue(logged.get(0).contains("/shop"), logged.get(0));
    }

    @Test
    void theRootContextsFileIsWebInfStagelineYaml() {
        ServletContext ctx = context("", "bogus: 1\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new YamlPipelineSource().load(ctx));
        assertEquals("WEB-INF/stageline.yaml", e.problems().get(0).file());
    }

    @Test
    void theConventionalServerFileAppliesWhenItExists() throws Exception {
        Path conventional = Files.writeString(temp.resolve("conventional.yaml"), mapping("Conventional"));
        CompiledPipeline p = load(new YamlPipelineSource(conventional), context("", "pipelineMode: integrated\n"));
        assertEquals("Conventional", handlerNames(p).get(0));
    }

    @Test
    void aMissingConventionalServerFileIsFine() throws Exception {
        YamlPipelineSource source = new YamlPipelineSource(temp.resolve("absent.yaml"));
        assertNull(source.serverFile());
        CompiledPipeline p = load(source, context("", "pipelineMode: integrated\n"));
        assertEquals(PipelineMode.INTEGRATED, p.mode());
    }

    @Test
    void theSystemPropertyWinsOverTheConventionalFile() throws Exception {
        Path conventional = Files.writeString(temp.resolve("conventional.yaml"), mapping("Conventional"));
        Path named = Files.writeString(temp.resolve("named.yaml"), mapping("Named"));
        System.setProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY, named.toString());
        CompiledPipeline p = load(new YamlPipelineSource(conventional), context("", null));
        List<String> names = handlerNames(p);
        assertEquals("Named", names.get(0));
        assertFalse(names.contains("Conventional"), names.toString());
    }

    @Test
    void aMissingFileNamedByThePropertyIsAnErrorReportedWithTheApplicationsProblems() {
        Path missing = temp.resolve("missing.yaml");
        System.setProperty(YamlPipelineSource.SERVER_CONFIG_PROPERTY, missing.toString());
        ServletContext ctx = context("", "bogus: 1\n");
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new YamlPipelineSource().load(ctx));
        List<String> codes = e.problems().stream().map(ConfigProblem::code).toList();
        assertEquals(List.of("SL-CFG-022", "SL-CFG-004"), codes);
        assertEquals(missing.toString(), e.problems().get(0).file());
    }

    @Test
    void theModeOverrideWinsOverTheFile() throws Exception {
        CompiledPipeline p = load(new YamlPipelineSource(null, PipelineMode.CLASSIC), context("", "pipelineMode: integrated\n"));
        assertEquals(PipelineMode.CLASSIC, p.mode());
    }

    @Test
    void warningsAreLoggedThroughTheServletContext() throws Exception {
        String yaml = "handlers:\n  list:\n    - add: Everything\n      path: \"*\"\n      verb: \"*\"\n"
                + "      type: io.stageline.servlet.YamlHelloHandler\n";
        load(new YamlPipelineSource(), context("", yaml));
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("Stageline: builtin:defaults.yaml:")
                && l.contains("SL-CFG-019 handler 'StaticFile' can never be selected")), logged.toString());
    }

    @Test
    void theInitializersFilterPrefersThePipelineAttribute() throws Exception {
        ServletContext ctx = context("", "bogus: 1\n");
        CompiledPipeline given = Stageline.builder().build();
        opened.add(given);
        when(ctx.getAttribute(StagelineFilter.PIPELINE_ATTRIBUTE)).thenReturn(given);
        assertSame(given, StagelineInitializer.loadPipeline(ctx));
    }

    @Test
    void theInitializersFilterReadsTheAdaptersServerFileAttribute() throws Exception {
        Path server = Files.writeString(temp.resolve("server.yaml"), mapping("FromAdapter"));
        ServletContext ctx = context("", "pipelineMode: integrated\n");
        when(ctx.getAttribute(StagelineInitializer.SERVER_CONFIG_PATH_ATTRIBUTE)).thenReturn(server.toString());
        CompiledPipeline p = StagelineInitializer.loadPipeline(ctx);
        opened.add(p);
        assertEquals("FromAdapter", handlerNames(p).get(0));
    }
}
