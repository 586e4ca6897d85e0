package com.oktoslack.history;

import io.micronaut.core.annotation.Nullable;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The history as CSV (RFC 4180: every field quoted, quotes doubled, CRLF between rows). A cell that a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe,
 * as OWASP advises for CSV injection: notes and item texts come from people.
 */
final class HistoryCsv {

    static final List<String> HEADER = List.of("decided_at", "outcome", "source", "workflow", "step", "item",
            "entity_id", "round", "slack_user_id", "by", "note");

    private HistoryCsv() {
    }

    static String write(List<HistoryRow> rows) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        for (HistoryRow r : rows) {
            line(csv, List.of(DateTimeFormatter.ISO_INSTANT.format(r.decidedAt()), r.outcome(), r.source(),
                    r.workflowName(), r.stepLabel(), r.item(), r.entityId(), Integer.toString(r.round()),
                    text(r.slackUserId()), text(r.byName()), text(r.note())));
        }
        return csv.toString();
    }

    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
