package io.stageline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stageline.cli.CliFixtures.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagelineCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpPrintsTheUsageToStandardOutputAndExitsZero() {
        for (String help : new String[] {"help", "--help", "-h"}) {
            Result r = new CliFixtures(dir).run(help);

            assertEquals(0, r.exit());
            assertEquals(StagelineCommand.USAGE, r.out());
            assertEquals("", r.err());
        }
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        Result none = new CliFixtures(dir).run();
        Result unknown = new CliFixtures(dir).run("lint", "app.yaml");

        assertEquals(2, none.exit());
        assertEquals("stageline: missing command\n" + StagelineCommand.USAGE, none.err());
        assertEquals(2, unknown.exit());
        assertEquals("stageline: unknown command 'lint'", unknown.errLines().get(0));
    }

    @Test
    void everyUsageLineFitsAnEightyColumnTerminal() {
        for (String line : StagelineCommand.USAGE.split("\n")) {
            assertEquals(true, line.length() <= 80, line);
        }
    }
}
