package com.oktoslack.history;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoryCsvTest {

    @Test
    void cellsAreQuotedWithQuotesDoubledAndFormulasDisarmed() {
        assertEquals("\"plain\"", HistoryCsv.cell("plain"));
        assertEquals("\"a, \"\"b\"\"\nc\"", HistoryCsv.cell("a, \"b\"\nc"));
        for (String formula : List.of("=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1")) {
            assertEquals("\"'" + formula + "\"", HistoryCsv.cell(formula), formula);
        }
        assertEquals("\"a=1\"", HistoryCsv.cell("a=1"));
        assertEquals("\"\"", HistoryCsv.cell(""));
    }

    @Test
    void oneLinePerDecisionAfterTheHeader() {
        HistoryRow row = new HistoryRow(1L, "E1", 2, "W1", "Legal, EU", "S1", "step 1 of 1: Legal", "story: -50% off", "rejected",
                null, "Kim", "No\r\nway", "oktopost", Instant.parse("2026-03-06T13:00:00Z"));

        assertEquals("\"decided_at\",\"outcome\",\"source\",\"workflow\",\"step\",\"item\",\"entity_id\",\"round\","
                + "\"slack_user_id\",\"by\",\"note\"\r\n"
                + "\"2026-03-06T13:00:00Z\",\"rejected\",\"oktopost\",\"Legal, EU\",\"step 1 of 1: Legal\",\"story: -50% off\","
                + "\"E1\",\"2\",\"\",\"Kim\",\"No\r\nway\"\r\n", HistoryCsv.write(List.of(row)));
    }
}
