package org.mnistrecognition.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mnistrecognition.training.Evaluation;

/** The exported files: CSV as RFC 4180 says, an evaluation's two tables, a log, a PNG. */
class CsvFilesTest {
    @TempDir
    Path dir;

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain", CsvWriter.cell("plain"));
        assertEquals("\"a, b\"", CsvWriter.cell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""));
        assertEquals("", CsvWriter.cell(Double.NaN));
        assertEquals("0.9896", CsvWriter.cell(0.9896));
        assertEquals("1", CsvWriter.cell(1.0));
        assertEquals("0.000123457", CsvWriter.cell(0.0001234567));
        assertEquals("42", CsvWriter.cell(42));
    }

    @Test
    void anEvaluationIsTwoTables() throws Exception {
        Path file = dir.resolve("eval.csv");
        CsvFiles.writeEvaluation(file, "model, on test", new Evaluation(new int[][] {{8, 2}, {4, 6}}));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(List.of(
                "evaluation,\"model, on test\"",
                "accuracy,0.7,correct,14,images,20",
                "",
                "digit,images,guessed,correct,precision,recall,f1",
                "0,10,12,8,0.666667,0.8,0.727273",
                "1,10,8,6,0.75,0.6,0.666667",
                "",
                "actual \\ guess,0,1",
                "0,8,2",
                "1,4,6"), lines);
        assertEquals('\r', Files.readString(file).charAt(lines.get(0).length()), "lines end with CRLF");
    }

    @Test
    void aLogIsOneRowPerIteration() throws Exception {
        Path file = dir.resolve("log.csv");
        CsvFiles.writeLog(file, new LogTable(1, 2, new int[] {17, 4, 99}, new byte[] {5, 3, 0}, new byte[] {5, 8, 0},
                new float[] {0.25f, 1.5f, 0}));
        assertEquals(List.of("iteration,image,actual,guess,cost,right", "1,17,5,5,0.25,1", "2,4,3,8,1.5,0"),
                Files.readAllLines(file));
    }

    @Test
    void aLogOfTheLastRowsOfALongRunKeepsTheirIterations() throws Exception {
        Path file = dir.resolve("tail.csv");
        CsvFiles.writeLog(file, new LogTable(900_001, 1, new int[] {3}, new byte[] {7}, new byte[] {1}, new float[] {2f}));
        assertEquals(List.of("iteration,image,actual,guess,cost,right", "900001,3,7,1,2,0"), Files.readAllLines(file));
    }

    @Test
    void aPngReadsBackAsItsPixels() throws Exception {
        Path file = dir.resolve("picture.png");
        int[] argb = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0x80FFFFFF, 0xFF000000, 0xFF123456};
        PngFile.write(file, 3, 2, argb);
        BufferedImage read = ImageIO.read(file.toFile());
        assertEquals(3, read.getWidth());
        assertEquals(2, read.getHeight());
        assertArrayEquals(argb, read.getRGB(0, 0, 3, 2, null, 0, 3));
    }
}
