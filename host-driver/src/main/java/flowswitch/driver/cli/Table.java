package flowswitch.driver.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table with columns as wide as their widest cell. */
final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    Table(String... headers) {
        this(Arrays.asList(headers));
    }

    void row(List<?> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + headers.size() + " columns");
        }
        rows.add(cells.stream().map(String::valueOf).toList());
    }

    void row(Object... cells) {
        row(Arrays.asList(cells));
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(out, headers, widths);
        rows.forEach(row -> printRow(out, row, widths));
        out.flush();
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == cells.size() - 1 ? cells.get(c) : String.format("%-" + widths[c] + "s  ", cells.get(c)));
        }
        out.println(line.toString().stripTrailing());
    }
}
