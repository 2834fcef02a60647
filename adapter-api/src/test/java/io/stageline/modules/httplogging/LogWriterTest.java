package io.stageline.modules.httplogging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogWriterTest {
    @TempDir
    Path dir;

    private static LogWriter.Entry line(String text) {
        return new LogWriter.Entry("u_ex261121.log", "Stageline", "date time cs-uri-stem", 0L, text, null);
    }

    private List<String> lines() throws Exception {
        return Files.readAllLines(dir.resolve("u_ex261121.log"), StandardCharsets.UTF_8);
    }

    @Test
    void aFlushWritesEveryLineQueuedBeforeItInOrder() throws Exception {
        LogWriter w = new LogWriter(dir, 64).start();
        try {
            for (int i = 0; i < 10; i++) {
                assertTrue(w.offer(line("line " + i)));
            }
            assertTrue(w.flush(5_000));
            List<String> got = lines();
            assertEquals("#Fields: date time cs-uri-stem", got.get(3));
            assertEquals(List.of("line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7",
                    "line 8", "line 9"), got.subList(4, got.size()));
        } finally {
            w.close(5_000);
        }
    }

    @Test
    void closeWritesWhatIsQueuedAndEndsTheThread() throws Exception {
        LogWriter w = new LogWriter(dir, 64).start();
        w.offer(line("last words"));
        w.close(5_000);
        assertEquals("last words", lines().get(lines().size() - 1));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingAndTheLogSaysSo() throws Exception {
        // not started: nothing drains, so the fifth line finds the queue full
        LogWriter w = new LogWriter(dir, 4);
        for (int i = 0; i < 4; i++) {
            assertTrue(w.offer(line("kept " + i)));
        }
        assertTrue(!w.offer(line("dropped")));
        assertEquals(1, w.droppedLines());
        w.start();
        assertTrue(w.flush(5_000));
        List<String> got = lines();
        assertTrue(got.contains("#Remark: Stageline dropped 1 log line: the log queue was full"), got.toString());
        assertEquals("kept 3", got.get(got.size() - 1));
        w.close(5_000);
    }
}
