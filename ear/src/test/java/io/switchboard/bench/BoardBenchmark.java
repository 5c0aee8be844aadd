package io.switchboard.bench;

import io.switchboard.it.web.Browser;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;

/**
 * The supervisor board with a floor of agents, in a real headless Chromium: signs in as the demo supervisor, opens
 * the board and re-reads it {@code rounds} times (switching views), printing how long the reads (agents, work in
 * hand, KPIs) and the rendering took, and how long filtering by name takes to redraw. The agents ({@code
 * bench-0000…}) are made when missing, and logged in on chat.
 *
 * <p>Usage: {@code BoardBenchmark <baseUrl> <agents> <rounds>}; see docs/benchmarks.md.
 */
public final class BoardBenchmark {

    private BoardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchClient client = new BenchClient(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        client.agents(client.adminToken(), args.length > 1 ? Integer.parseInt(args[1]) : 1000);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Histogram fetch = new Histogram(60_000, 3);
        Histogram render = new Histogram(60_000, 3);
        Histogram filter = new Histogram(60_000, 3);
        long agents = 0;
        try (Browser browser = new Browser("en")) {
            browser.open();
            browser.signIn("sup1", "switchboard");
            for (int round = 0; round < rounds; round++) {
                browser.script("window.switchboardBoardTimings = null");
                browser.view("board");
                @SuppressWarnings("unchecked")
                Map<String, Object> timings = (Map<String, Object>) browser.await(
                        d -> browser.script("return window.switchboardBoardTimings"), Duration.ofSeconds(30));
                agents = ((Number) timings.get("agents")).longValue();
                fetch.recordValue(Math.round(((Number) timings.get("fetchMs")).doubleValue()));
                render.recordValue(Math.round(((Number) timings.get("renderMs")).doubleValue()));
                Number filtered = (Number) browser.script("""
                        const started = performance.now();
                        const name = document.getElementById('filter-name');
                        name.value = arguments[0];
                        name.dispatchEvent(new Event('input'));
                        const took = performance.now() - started;
                        name.value = '';
                        name.dispatchEvent(new Event('input'));
                        return took;""", String.format("bench-%04d", round));
                filter.recordValue(Math.max(0, Math.round(filtered.doubleValue())));
                browser.view("desk");
            }
        }
        System.out.printf("RESULT board agents=%d rounds=%d read p50=%dms max=%dms render p50=%dms max=%dms "
                        + "filter p50=%dms max=%dms%n", agents, rounds, fetch.getValueAtPercentile(50),
                fetch.getMaxValue(), render.getValueAtPercentile(50), render.getMaxValue(),
                filter.getValueAtPercentile(50), filter.getMaxValue());
    }
}
